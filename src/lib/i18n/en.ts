// English texts; typed as Messages so a missing or extra key fails `npm run check`.
import type { Messages } from './es';

export const en: Messages = {
	app: {
		name: 'Cartera',
		skipToContent: 'Skip to content'
	},
	nav: {
		label: 'Sections',
		menu: 'Menu',
		overview: 'Overview',
		segments: 'Segments',
		concentration: 'Concentration',
		activation: 'Activation',
		forecast: 'Forecast',
		pipeline: 'Pipeline',
		ranking: 'Ranking',
		clients: 'Clients',
		alerts: 'Alerts',
		upload: 'Load data',
		settings: 'Settings',
		logout: 'Sign out',
		users: 'Users'
	},
	roles: { viewer: 'Viewer', analyst: 'Analyst', admin: 'Admin' },
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
		filterBy: (label) => `Filter by ${label}`,
		activeCount: (n) => (n === 1 ? '1 filter' : `${n} filters`)
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
	pager: {
		pagination: 'Pagination',
		showing: (first, last, total) => `Showing ${first}–${last} of ${total}`,
		previous: 'Previous',
		next: 'Next',
		goToPage: (page) => `Go to page ${page}`
	},
	chartTools: {
		svg: 'SVG',
		png: 'PNG',
		download: (format) => `Download the chart as ${format}`,
		showData: 'Show the chart data',
		clickHint: 'Click an element to filter the whole dashboard by it.',
		listHint: 'Click a bar to see its list, with amounts.'
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
		kpisLabel: 'Key figures',
		vs: (period) => `vs. ${period}`,
		noComparison: 'No data for the comparison period',
		points: 'pp',
		ofClients: (n) => `of ${n} clients in the register`,
		bands: {
			higher: (approve, observe, reject) => `Approved ≥ ${approve} · Observed < ${observe} · Rejected < ${reject}`,
			lower: (approve, observe, reject) => `Approved ≤ ${approve} · Observed > ${observe} · Rejected > ${reject}`
		},
		cards: {
			revenue: 'Revenue',
			growthSub: (month) => `${month} vs. the month before`,
			active: 'Active clients',
			forecast_sparkline: 'Trend: absolute error per month'
		},
		growthChart: {
			title: 'Monthly revenue and growth status',
			subtitle: (currency) => `${currency} per month; the colour is the growth status against the month before`,
			momTitle: 'Monthly growth against the thresholds',
			momSubtitle: 'Change against the month before (%); the bands are management’s thresholds',
			earlier: 'Before the period',
			partial: 'Current month (partial)',
			mom: 'Growth',
			status: 'Status',
			yoy: 'Year over year'
		}
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
		loadHere: 'Load the invoice exports of your ERP (CSV or Excel), and those of clients and products if you like, in',
		loadLink: 'Load data',
		askAnalyst: 'An analyst or an admin can load the invoice exports in Load data.'
	}
};
