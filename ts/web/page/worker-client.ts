// Starting the page's module web workers (the WebAssembly core, the network) and wrapping them with
// comlink. Each worker says "ready" once it listens, so no early call is lost; a worker that fails to load
// rejects every call with one message.
import * as Comlink from 'comlink';

export const workerReady = 'illusion-lab-worker-ready';

export function startWorker<T>(file: string, name: string): Promise<Comlink.Remote<T>> {
  const worker = new Worker(new URL(file, import.meta.url), { type: 'module', name });
  return new Promise<Comlink.Remote<T>>((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data !== workerReady) return;
      worker.removeEventListener('message', onMessage);
      resolve(Comlink.wrap<T>(worker));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => reject(new Error(`the ${name} worker failed to start: ${e.message || 'see the browser console'}`)), { once: true });
  });
}
