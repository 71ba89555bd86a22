// English texts; typed as Messages so a missing or extra key fails `npm run check`.
import type { Messages } from './es';

export const en: Messages = {
	app: {
		name: 'Cartera',
		skipToContent: 'Skip to content'
	},
	nav: {
		label: 'Sections',
		overview: 'Overview',
		segments: 'Segments',
		concentration: 'Concentration',
		activation: 'Activation',
		forecast: 'Forecast',
		pipeline: 'Pipeline',
		clients: 'Clients'
	},
	filters: {
		label: 'Filters',
		period: 'Period',
		from: 'From',
		to: 'To',
		presets: { last12: 'Last 12 months', ytd: 'Year to date', previousYear: 'Previous year' },
		all: 'All',
		apply: 'Apply',
		compare: 'Compare with',
		compareWith: { previous: 'Previous period', year: 'Same period last year' },
		active: 'Active filters',
		remove: (label) => `Remove the filter ${label}`,
		clearAll: 'Clear all',
		filterBy: (label) => `Filter by ${label}`
	},
	dims: {
		product: 'Product',
		product_line: 'Product line',
		business_unit: 'Business unit',
		client_type: 'Client type',
		size: 'Size',
		sector: 'Sector',
		legal_form: 'Legal form',
		region: 'Region',
		crm_status: 'CRM status',
		account_manager: 'Account manager',
		billing_tier: 'Billing tier',
		status: 'Computed status'
	},
	clientStatus: { active: 'Active', inactive: 'Inactive', potential: 'Potential' },
	kpiStatus: { approved: 'Approved', acceptable: 'Acceptable', observed: 'Observed', rejected: 'Rejected', none: 'Not rated' },
	table: {
		exportCsv: 'Download CSV',
		sortBy: (label) => `Sort by ${label}`,
		noRows: 'No rows to show.',
		unknown: '(no value)'
	},
	chartTools: {
		svg: 'SVG',
		png: 'PNG',
		download: (format) => `Download the chart as ${format}`,
		showData: 'Show the chart data',
		clickHint: 'Click an element to filter the whole dashboard by it.'
	},
	loading: 'Loading…',
	language: {
		label: 'Language',
		names: { es: 'Español', en: 'English' }
	},
	overview: {
		title: 'Overview',
		heading: 'Portfolio overview',
		asOf: (date) => `Figures as of ${date}`,
		kpisLabel: 'Key figures'
	},
	kpi: {
		revenue: 'Revenue',
		revenueHint: 'Complete months, compared with the same months a year earlier',
		changeVs: (period) => `vs. ${period}`,
		noComparison: 'No data from the year before to compare with',
		active: 'Active clients',
		activeHint: (days) => `Bought in the last ${days} days`,
		potential: 'Potential clients',
		potentialHint: 'In the client register, never bought',
		inactive: 'Inactive clients',
		inactiveHint: (days) => `Bought before, not in the last ${days} days`
	},
	chart: {
		title: 'Monthly revenue',
		ariaLabel: (from, to, currency) => `Bar chart of monthly revenue in ${currency}, from ${from} to ${to}`,
		inPeriod: 'Selected period',
		earlier: 'Earlier months',
		showData: 'Show the chart data',
		month: 'Month',
		revenue: (currency) => `Revenue (${currency})`
	},
	empty: {
		title: 'No invoices loaded yet',
		body: 'Once invoices are loaded, this page shows revenue and how the client base evolves.',
		loadFile: 'To load an invoice file, run this in the project folder:',
		ingestCommand: 'npm run ingest -- file.csv',
		tryDemo: 'Or, to try it with demo data:',
		demoCommand: 'npm run demo'
	}
};
