package io.checkup.alerts;

import io.checkup.report.RiskLevel;

/**
 * A tenant as the last evaluation saw it.
 *
 * @param tenantId null for the tenant-less part
 * @param peakScore the highest score seen since {@code peakAt}, within the last 7 days: what a
 *     score drop is measured from
 * @param lastAlertAt when the last alert of this tenant was raised, or null
 */
record TenantState(
    String tenantId,
    RiskLevel level,
    int score,
    int peakScore,
    long peakAt,
    Long lastAlertAt,
    long evaluatedAt) {}
