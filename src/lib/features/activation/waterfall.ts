// The revenue bridge of the retention document as waterfall steps: the previous period's revenue,
// each event's Σ (r − r0) floating from the running total, and the period's revenue. Sums run in
// whole cents (the document's money is rounded to cents), so the last event ends exactly on the
// revenue bar, as revenue_previous + Σ bridge = revenue does in the document.

export const BRIDGE_EVENTS = ['new', 'reactivated', 'expansion', 'contraction', 'churned', 'other'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

export interface Bridge {
	revenue_previous: number;
	revenue: number;
	bridge: Record<BridgeEvent, number>;
}

export interface WaterfallStep {
	key: 'revenue_previous' | BridgeEvent | 'revenue';
	kind: 'total' | 'up' | 'down';
	/** The step's own amount (a total's revenue, an event's change). */
	value: number;
	/** Where the bar starts and ends on the money axis. */
	start: number;
	end: number;
}

const cents = (value: number) => Math.round(value * 100);

export function waterfallSteps(r: Bridge): { steps: WaterfallStep[]; reconciles: boolean } {
	const steps: WaterfallStep[] = [{ key: 'revenue_previous', kind: 'total', value: r.revenue_previous, start: 0, end: r.revenue_previous }];
	let running = cents(r.revenue_previous);
	for (const key of BRIDGE_EVENTS) {
		const change = cents(r.bridge[key]);
		steps.push({ key, kind: change < 0 ? 'down' : 'up', value: change / 100, start: running / 100, end: (running + change) / 100 });
		running += change;
	}
	steps.push({ key: 'revenue', kind: 'total', value: r.revenue, start: 0, end: r.revenue });
	return { steps, reconciles: running === cents(r.revenue) };
}
