// Peak memory of a process this test started (Linux /proc): the built server, found as the child
// of this worker running an index.js, since startServer does not hand out its process.
import { readdirSync, readFileSync } from 'node:fs';

/** The pid of the one server (`node …/index.js`) this process started. */
export function serverPid(): number {
	const found: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (parent !== process.pid) continue;
			if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').some((arg) => arg.endsWith('index.js'))) found.push(Number(entry));
		} catch {
			// the process ended while being looked at
		}
	}
	if (found.length !== 1) throw new Error(`expected one server process started by ${process.pid}, found ${found.length}`);
	return found[0]!;
}

/** Peak resident memory of `pid` so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
	const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error(`no VmHWM for process ${pid}`);
	return Number(match[1]) / 1024;
}
