import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PipeTransform,
  UseInterceptors,
  UsePipes,
} from '@nestjs/common';
import { map, Observable } from 'rxjs';
import {
  Hears,
  Param,
  prompt,
  ZixflowBot,
  ZixflowBotContext,
  ZixflowDialog,
  ZixflowDialogDefinition,
  ZixflowDialogStep,
} from '../../src/zixflow/bot';

/** Upper-cases whatever the handler answers: proves interceptors wrap bot handlers. */
@Injectable()
export class ShoutInterceptor implements NestInterceptor {
  intercept(host: ExecutionContext, next: CallHandler): Observable<unknown> {
    const type = host.getType();
    return next
      .handle()
      .pipe(map((reply: unknown) => (typeof reply === 'string' ? `${reply.toUpperCase()} (${type})` : reply)));
  }
}

/** Turns a parameter into a number: proves pipes run on bot handler parameters. */
@Injectable()
export class ToNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    return Number(value);
  }
}

type Outer = { name?: string; address?: { street?: string } };
type Inner = { street?: string };

/** A child dialog begun from a step of {@link OuterDialog}. */
@ZixflowDialog({ id: 'address' })
@Injectable()
export class AddressDialog implements ZixflowDialogDefinition<Inner> {
  readonly steps: ZixflowDialogStep<Inner>[] = [
    prompt<Inner>({ name: 'street', ask: 'Street?', parse: (ctx) => ctx.text }),
  ];
}

/** Asks a name, then runs the address dialog, then confirms with both. */
@ZixflowDialog({ id: 'outer' })
@Injectable()
export class OuterDialog implements ZixflowDialogDefinition<Outer> {
  readonly steps: ZixflowDialogStep<Outer>[] = [
    prompt<Outer>({ name: 'name', ask: 'Name?', parse: (ctx) => ctx.text }),
    (ctx) => ctx.beginDialog('address'),
    (_ctx, values) => `Done: ${String(values.name)} at ${String(values.address?.street)}`,
  ];
}

/** Routes that use interceptors, pipes, nested dialogs and the 24-hour window. */
@ZixflowBot()
@Injectable()
export class EnhancedBot {
  @Hears('shout')
  @UseInterceptors(ShoutInterceptor)
  shout(): string {
    return 'hello';
  }

  @Hears(/^double (?<n>\d+)$/)
  @UsePipes(ToNumberPipe)
  double(@Param('n') n: number): string {
    return `${typeof n} ${n * 2}`;
  }

  @Hears('nested')
  nested(ctx: ZixflowBotContext): void {
    ctx.beginDialog('outer');
  }
}
