package io.checkup.alerts;

/**
 * An alert as the database keeps it.
 *
 * @param id its idempotency key
 * @param tenantId null for the tenant-less part
 * @param status {@code pending}, {@code sent} or {@code failed} (given up)
 * @param attempts deliveries tried so far
 * @param created when it was raised (epoch milliseconds)
 * @param sentAt when a delivery succeeded, or null
 * @param lastError why the last attempt failed (never the address), or null
 * @param body the JSON sent
 * @param nextAttempt when a pending alert is tried next (epoch milliseconds), else null
 */
public record AlertRecord(
    String id,
    String tenantId,
    String status,
    int attempts,
    long created,
    Long sentAt,
    String lastError,
    String body,
    Long nextAttempt) {}
