'use strict';
/**
 * An optional rate limit: a token bucket per API key (`perSecond` tokens a second, up to `burst`).
 * The headers are the ones Outlit's API overview documents (X-RateLimit-Limit / -Remaining /
 * -Reset, the reset as a Unix timestamp in seconds); every API answer carries them in this mode.
 * An empty bucket answers 429: REST with `Retry-After`, the gateway with its error envelope and
 * `resetAt` (epoch ms), as the tools README describes.
 */

/** `{perSecond, burst?}` checked; an error message when it is not usable. */
function rateLimitProblem(spec) {
	if (typeof spec !== 'object' || spec === null) return 'rateLimit must be {perSecond, burst?}';
	const { perSecond, burst = perSecond } = spec;
	if (!(Number.isFinite(perSecond) && perSecond > 0)) return 'rateLimit.perSecond must be a positive number';
	if (!(Number.isFinite(burst) && burst >= 1)) return 'rateLimit.burst must be at least 1';
	return undefined;
}

class RateLimiter {
	constructor({ perSecond, burst = perSecond }) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.buckets = new Map();
		/** Answers given: successes let through and 429s, for the tests' throughput figures. */
		this.allowed = 0;
		this.limited = 0;
	}

	bucket(key, now) {
		let b = this.buckets.get(key);
		if (!b) {
			b = { tokens: this.burst, at: now };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
		b.at = now;
		return b;
	}

	/** Takes a token for this key: `{ allowed, headers, retryAfterMs }`. */
	take(key, now = Date.now()) {
		const b = this.bucket(key, now);
		const allowed = b.tokens >= 1;
		if (allowed) b.tokens -= 1;
		const fullInMs = ((this.burst - b.tokens) / this.perSecond) * 1000;
		const nextTokenMs = allowed ? 0 : ((1 - b.tokens) / this.perSecond) * 1000;
		if (allowed) this.allowed++;
		else this.limited++;
		return {
			allowed,
			retryAfterMs: nextTokenMs,
			headers: {
				'X-RateLimit-Limit': String(this.perSecond),
				'X-RateLimit-Remaining': String(Math.floor(b.tokens)),
				'X-RateLimit-Reset': String(Math.ceil((now + fullInMs) / 1000)),
			},
		};
	}
}

module.exports = { RateLimiter, rateLimitProblem };
