import { Body, Controller, Post } from '@nestjs/common';
import {
  SendAudioMessageDto,
  SendDocumentMessageDto,
  SendImageMessageDto,
  SendLocationMessageDto,
  SendReplyButtonsMessageDto,
  SendTemplateMessageDto,
  SendTextMessageDto,
  SendVideoMessageDto,
  ZixflowSendResult,
  ZixflowWhatsappService,
} from '../../zixflow';

/**
 * "Imported into a backend": REST routes that take the library's DTOs as bodies. The global
 * ValidationPipe checks them on the way in; the service checks again, so the same rules hold for
 * callers that are not controllers.
 */
@Controller('messages')
export class MessagesController {
  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  /** Sends a video. */
  @Post('video')
  sendVideo(@Body() message: SendVideoMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendVideo(message);
  }

  /** Sends an image. */
  @Post('image')
  sendImage(@Body() message: SendImageMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendImage(message);
  }

  /** Sends an audio file. */
  @Post('audio')
  sendAudio(@Body() message: SendAudioMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendAudio(message);
  }

  /** Sends a document. */
  @Post('document')
  sendDocument(@Body() message: SendDocumentMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendDocument(message);
  }

  /** Sends a text. */
  @Post('text')
  sendText(@Body() message: SendTextMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendText(message);
  }

  /** Sends a location. */
  @Post('location')
  sendLocation(@Body() message: SendLocationMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendLocation(message);
  }

  /** Sends a message with quick-reply buttons. */
  @Post('reply-buttons')
  sendReplyButtons(@Body() message: SendReplyButtonsMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendReplyButtons(message);
  }

  /** Sends an approved template. */
  @Post('template')
  sendTemplate(@Body() message: SendTemplateMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendTemplate(message);
  }
}
