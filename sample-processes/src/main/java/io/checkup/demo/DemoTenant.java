package io.checkup.demo;

import java.util.List;

/**
 * One client company of the demo: its users (the first {@code directMembers} are tenant members
 * themselves, the rest through the tenant's staff group), its processes, how long ago it started
 * and last changed a process, and how its traffic behaves.
 *
 * @param samples also runs copies of the lint showcase models (more processes in use)
 * @param launchesPerDay made-up launches per day for the 4 weeks before today, oldest first (27
 *     values)
 * @param workingUsers how many of its users get and finish tasks
 * @param livePerMinute launches per minute while the demo runs
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
    double livePerMinute) {

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
            DemoModels.all(),
            true,
            400,
            12,
            "quoteRequest",
            steady(300),
            8,
            20),
        new DemoTenant(
            "contoso",
            "Contoso Ltd",
            List.of("carla", "cody", "cleo", "chris", "cara"),
            1,
            List.of(
                DemoModels.quoteRequest(),
                DemoModels.complaintHandling(),
                DemoModels.invoiceApproval()),
            false,
            200,
            25,
            "complaintHandling",
            falling(400, 220),
            5,
            8),
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
            falling(15, 8),
            1,
            0.5));
  }

  private static int[] steady(int perDay) {
    return falling(perDay, perDay);
  }

  /** {@code before} a day for three weeks, then {@code lastWeek} a day. */
  private static int[] falling(int before, int lastWeek) {
    int[] days = new int[27];
    for (int i = 0; i < days.length; i++) {
      days[i] = i < 20 ? before : lastWeek;
    }
    return days;
  }
}
