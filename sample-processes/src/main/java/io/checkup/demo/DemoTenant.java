package io.checkup.demo;

import java.util.List;

/**
 * One client company of the demo: its users (the first {@code directMembers} are tenant members
 * themselves, the rest through the tenant's staff group), its processes, how long ago it started
 * and last changed a process, and how its traffic behaves.
 *
 * @param samples also has copies of the lint showcase models deployed (models with a deadlock,
 *     unreachable elements, unfinished branches and cascades), which nobody uses
 * @param launchesPerDay made-up launches per day before today, oldest first (one value per day,
 *     {@link #HISTORY_DAYS} of them)
 * @param workingUsers how many of its users get and finish tasks
 * @param livePerMinute launches per minute while the demo runs
 * @param overdueTasks tasks left past their due date
 */
record DemoTenant(
    String id,
    String name,
    List<String> users,
    int directMembers,
    List<DemoModels.Model> models,
    boolean samples,
    int firstDeployedDaysAgo,
    int changedDaysAgo,
    String changedModel,
    int[] launchesPerDay,
    int workingUsers,
    double livePerMinute,
    int overdueTasks) {

  /** Days of made-up statistics before today: enough for 30 days of history with full windows. */
  static final int HISTORY_DAYS = 60;

  List<String> workers() {
    return users.subList(0, workingUsers);
  }

  static List<DemoTenant> all() {
    return List.of(
        new DemoTenant(
            "northwind",
            "Northwind Trading",
            List.of("nora", "noah", "nina", "ned", "nils", "nadia", "nick", "nola"),
            2,
            NorthwindModels.all(),
            false,
            400,
            12,
            "quoteRequest",
            steady(300),
            8,
            2,
            1),
        new DemoTenant(
            "contoso",
            "Contoso Ltd",
            List.of("carla", "cody", "cleo", "chris", "cara"),
            1,
            List.of(
                DemoModels.quoteRequest(),
                DemoModels.complaintHandling(),
                DemoModels.invoiceApproval(),
                NorthwindModels.creditCheck(),
                NorthwindModels.customerOnboarding(),
                NorthwindModels.returnsHandling(),
                NorthwindModels.paymentReminder(),
                NorthwindModels.purchaseRequisition(),
                NorthwindModels.stockReplenishment(),
                NorthwindModels.deliveryScheduling()),
            true,
            200,
            35,
            "complaintHandling",
            slipping(200, 10, 60),
            5,
            0.5,
            2),
        new DemoTenant(
            "fabrikam",
            "Fabrikam Inc",
            List.of("fred", "fay", "finn", "flora"),
            4,
            List.of(DemoModels.quoteRequest(), DemoModels.invoiceApproval()),
            false,
            250,
            250,
            null,
            slipping(15, 10, 8),
            1,
            0.05,
            0));
  }

  private static int[] steady(int perDay) {
    return slipping(perDay, 0, perDay);
  }

  /**
   * {@code before} a day, then over the last {@code days} days down to {@code to} a day, a little
   * less each day.
   */
  private static int[] slipping(int before, int days, int to) {
    int[] perDay = new int[HISTORY_DAYS];
    for (int i = 0; i < perDay.length; i++) {
      int into = i - (perDay.length - days) + 1;
      perDay[i] = into <= 0 ? before : before - (before - to) * into / days;
    }
    return perDay;
  }
}
