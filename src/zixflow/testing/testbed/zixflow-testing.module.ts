import type { DynamicModule } from '@nestjs/common';
import type { ZixflowModuleOptions } from '../../index';
import type { ZixflowSandboxOptions } from '../zixflow-sandbox.types';
import { ZixflowTesting } from './zixflow-testing';

/** Options of {@link ZixflowTestingModule.forRoot}. */
export interface ZixflowTestingModuleOptions {
  /** How the sandbox starts (`phoneId`, `deliveryReports`, `inbox`, …); the inbox is off by default. */
  sandbox?: ZixflowSandboxOptions;
  /**
   * `ZixflowModule` options on top of the sandbox's (`baseUrl`, `apiKey`, `defaultPhoneId`, and
   * `retry: false`), e.g. `{ retry: { retries: 2 } }` or `{ timeoutMs: 500 }`.
   */
  zixflow?: Partial<ZixflowModuleOptions>;
  /**
   * Register the real `ZixflowModule` (global) against the sandbox. Default `true`; `false` when your
   * own module already registers `ZixflowModule` and you point it at the sandbox with
   * `.overrideProvider(ZIXFLOW_MODULE_OPTIONS).useFactory(zixflowTestingOptions())`.
   */
  registerZixflowModule?: boolean;
}

/** Holds the one {@link ZixflowTesting} of a testing module, shared by the modules that need it. */
class ZixflowTestingSandboxModule {}

/**
 * For `overrideProvider(ZIXFLOW_MODULE_OPTIONS).useFactory(zixflowTestingOptions())`: your own
 * `ZixflowModule` (registered by your `AppModule` from the `ZIXFLOW_*` variables, say) gets the
 * options of the testing module's sandbox, so a test of the whole application needs no key.
 */
export function zixflowTestingOptions(): {
  factory: (testing: ZixflowTesting) => ZixflowModuleOptions;
  inject: [typeof ZixflowTesting];
} {
  return { factory: (testing) => testing.moduleOptions(), inject: [ZixflowTesting] };
}

/**
 * A Nest testing module for apps that send WhatsApp messages: it starts a {@link ZixflowSandbox}
 * on 127.0.0.1 and registers the real `ZixflowModule` (global) against it, with no key of yours,
 * so your providers send for real and the test asserts on what "Zixflow" received through
 * {@link ZixflowTesting} (`messages`, `lastMessageTo(number)`, `failNext(503)`, …). The sandbox
 * stops when the application closes.
 *
 * ```ts
 * const moduleRef = await Test.createTestingModule({
 *   imports: [ZixflowTestingModule.forRoot()],
 *   providers: [WelcomeService],
 * }).compile();
 * await moduleRef.init();
 * await moduleRef.get(WelcomeService).welcome('+1 302 389 5111');
 * expect(moduleRef.get(ZixflowTesting).lastMessageTo('+1 302 389 5111')?.body).toMatchObject({ type: 'video' });
 * ```
 *
 * `forRoot` loads `ZixflowModule` when it is called, so `nestjs-zixflow/testing` still loads
 * (and type-checks) in apps that only use the sandbox.
 */
export class ZixflowTestingModule {
  /** The module; import it in `Test.createTestingModule({ imports: [...] })` (a promise is fine there). */
  static async forRoot(options: ZixflowTestingModuleOptions = {}): Promise<DynamicModule> {
    const sandboxModule: DynamicModule = {
      module: ZixflowTestingSandboxModule,
      providers: [
        { provide: ZixflowTesting, useFactory: () => ZixflowTesting.start(options.sandbox, options.zixflow) },
      ],
      exports: [ZixflowTesting],
    };
    const imports: DynamicModule[] = [sandboxModule];
    if (options.registerZixflowModule !== false) {
      const { ZixflowModule } = await import('../../index');
      imports.push(
        ZixflowModule.forRootAsync({
          isGlobal: true,
          imports: [sandboxModule],
          inject: [ZixflowTesting],
          useFactory: (testing: ZixflowTesting) => testing.moduleOptions(),
        }),
      );
    }
    return { module: ZixflowTestingModule, global: true, imports, exports: [sandboxModule] };
  }
}
