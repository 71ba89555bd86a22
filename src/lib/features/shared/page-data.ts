// What the (dashboard) layout hands every page beside its own figures
// (src/routes/(dashboard)/+layout.server.ts), as far as the features' pages read it.
export interface DashboardLayoutData {
	dashboard: {
		/** The months the data covers; null before the first upload. */
		data: { first_month: string; last_month: string; last_complete: string } | null;
		currency: string;
	};
}
