import { readFileSync, existsSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Records everything the merchant's page could see: every message it
 * receives (window messages and MessagePort messages), every request and
 * response of the page itself (not of the frame), and its DOM. The merchant
 * server's and the service's logs are read from the files the e2e config
 * sends them to.
 */
export class LeakRecorder {
  readonly messages: string[] = [];
  readonly traffic: string[] = [];
  readonly snapshots: string[] = [];
  private pending: Promise<void>[] = [];

  static async attach(page: Page): Promise<LeakRecorder> {
    const recorder = new LeakRecorder();
    await page.exposeFunction('__tfRecordMessage', (data: string) => recorder.messages.push(data));
    await page.addInitScript(() => {
      if (window.top !== window) return;
      const record = (data: unknown) =>
        (window as unknown as { __tfRecordMessage(d: string): void }).__tfRecordMessage(JSON.stringify(data) ?? '');
      window.addEventListener('message', (event) => record(event.data), true);
      const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
      Object.defineProperty(MessagePort.prototype, 'onmessage', {
        configurable: true,
        get() {
          return onmessage.get!.call(this);
        },
        set(handler: (event: MessageEvent) => void) {
          onmessage.set!.call(this, (event: MessageEvent) => {
            record(event.data);
            return handler.call(this, event);
          });
        },
      });
      const addEventListener = MessagePort.prototype.addEventListener;
      MessagePort.prototype.addEventListener = function (
        this: MessagePort,
        type: string,
        listener: EventListener,
        ...rest: unknown[]
      ) {
        const wrapped = (event: Event) => {
          if (type === 'message') record((event as MessageEvent).data);
          return listener(event);
        };
        return addEventListener.call(this, type, wrapped, ...(rest as [boolean]));
      } as typeof MessagePort.prototype.addEventListener;
    });
    page.on('request', (request) => {
      if (request.frame() !== page.mainFrame()) return;
      recorder.traffic.push(
        `${request.method()} ${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`,
      );
    });
    page.on('response', (response) => {
      if (response.request().frame() !== page.mainFrame()) return;
      recorder.pending.push(
        response
          .text()
          .then((body) => void recorder.traffic.push(`${response.status()} ${response.url()} ${body}`))
          .catch(() => undefined),
      );
    });
    return recorder;
  }

  /** The host page's DOM, with the current value of every form control (values are not in the markup). */
  async snapshot(page: Page): Promise<void> {
    const values = await page
      .mainFrame()
      .evaluate(() =>
        [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value),
      );
    this.snapshots.push(await page.mainFrame().content(), JSON.stringify(values));
  }

  /** Everything recorded plus the given log files, as one text to search. */
  async everything(logFiles: string[]): Promise<Record<string, string>> {
    await Promise.all(this.pending);
    const logs = Object.fromEntries(logFiles.map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : '']));
    return {
      'host messages': this.messages.join('\n'),
      'host network traffic': this.traffic.join('\n'),
      'host DOM': this.snapshots.join('\n'),
      ...logs,
    };
  }
}
