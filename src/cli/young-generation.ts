import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation at its starting size for a long-running command (a batch). V8
 * doubles the semi-spaces as a program allocates, and each doubling maps fresh pages; on a
 * machine where a fresh page costs ~11.5 µs on first touch (bench/NOTES.md) those faults were a
 * larger share of a batch of 10,000 sets than the scavenges a small young generation adds. Set
 * before the command allocates, so the heap never grows past its start.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
