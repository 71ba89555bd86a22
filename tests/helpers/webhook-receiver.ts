// A webhook receiver for the alert tests: records each POST's body and X-Cartera-Signature and
// answers 204. It can take a free port now and start listening later: deliveries to it are refused
// until then (a subscriber that is down, then up).
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookCall {
	body: string;
	signature: string | undefined;
}

/** The signature a body sent with the subscription's secret carries (docs/contract.md "Alert webhook"). */
export const signatureOf = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export class WebhookReceiver {
	readonly calls: WebhookCall[] = [];
	private server: Server | null = null;

	private constructor(private port: number) {}

	/** A receiver listening now, on a free port. */
	static async up(): Promise<WebhookReceiver> {
		const receiver = new WebhookReceiver(0);
		await receiver.listen();
		return receiver;
	}

	/** A free port nothing listens on yet: deliveries are refused until listen(). */
	static async down(): Promise<WebhookReceiver> {
		const probe = await WebhookReceiver.up();
		await probe.close();
		return new WebhookReceiver(probe.port);
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}/hook`;
	}

	async listen(): Promise<void> {
		const server = createServer((req, res) => {
			let body = '';
			req.on('data', (c: Buffer) => (body += c.toString('utf8')));
			req.on('end', () => {
				this.calls.push({ body, signature: req.headers['x-cartera-signature'] as string | undefined });
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
		this.port = (server.address() as AddressInfo).port;
		this.server = server;
	}

	/** Resolves once `count` calls have arrived, or after `ms` (the test's expectations then say what is missing). */
	async received(count = 1, ms = 15_000): Promise<void> {
		for (const end = Date.now() + ms; this.calls.length < count && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
	}

	async close(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}
