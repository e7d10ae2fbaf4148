import { INestApplication, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ZixflowExceptionFilter, zixflowValidationExceptionFactory } from './zixflow';
import { dtoSchemas } from './swagger-schemas';

/**
 * Pipes, filter and API page shared by `main.ts` and the e2e tests, so tests exercise exactly
 * what `npm start` serves.
 */
export function configureApp(app: INestApplication): void {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: zixflowValidationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ZixflowExceptionFilter(app.get(HttpAdapterHost).httpAdapter));
  setUpApiPage(app);
}

/** Serves the OpenAPI document at `/docs-json` and its UI at `/docs`. */
function setUpApiPage(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('nestjs-zixflow example')
    .setDescription('Send WhatsApp messages through Zixflow (or the embedded sandbox).')
    .setVersion('1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...dtoSchemas() } };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
