package io.checkup.alerts;

import io.checkup.report.RiskLevel;

/**
 * A tenant as the last evaluation saw it.
 *
 * @param tenantId null for the tenant-less part
 * @param peakScore the highest score seen since {@code peakAt}, within the last 7 days: what a
 *     score drop is measured from
 * @param lastFallAt when the last alert of this tenant was raised, or a fall the cool-down held
 *     back was judged, or null: a score drop counts only what came after it
 */
record TenantState(
    String tenantId,
    RiskLevel level,
    int score,
    int peakScore,
    long peakAt,
    Long lastFallAt,
    long evaluatedAt) {}
