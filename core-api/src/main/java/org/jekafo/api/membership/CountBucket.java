package org.jekafo.api.membership;

/** How many members share one value (a gender, a region id, a trade code…). */
public record CountBucket(String key, long count) {
}
