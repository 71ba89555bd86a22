// The server never dies of an error no request awaited: a promise that rejects unobserved or an
// exception thrown from a callback (a stream's 'error' nobody listens to…) is logged, and the
// process keeps serving everyone else. Registered once per process (init may run again in dev).
const REGISTERED = Symbol.for('cartera.crash-guard');

export function keepServingOnUncaught(log: (message: string, error: unknown) => void = console.error): void {
	const processState = process as unknown as Record<symbol, boolean>;
	if (processState[REGISTERED]) return;
	processState[REGISTERED] = true;
	process.on('unhandledRejection', (reason) => log('Unhandled rejection (the server keeps serving):', reason));
	process.on('uncaughtException', (error, origin) => log(`Uncaught exception, ${origin} (the server keeps serving):`, error));
}
