package io.checkup.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a larger lint in a second JVM with the optimising (C2) compiler off.
 *
 * <p>A lint of many files is a short batch run: a few seconds in which the JVM's optimising
 * compiler spends more CPU compiling (and, on files that differ from one another, throwing away and
 * compiling again) than it ever saves, while the lint threads wait for a core. With the quick (C1)
 * compiler only, the same run takes about half the time (docs/benchmarks.md). A runnable jar cannot
 * choose its JVM's flags, so {@code java -jar checkup-cli.jar lint} starts the same JVM again with
 * {@code -XX:TieredStopAtLevel=1}, the caller's own JVM options and the same arguments, lets it
 * write to the same output and returns its exit code.
 *
 * <p>It does so only where it pays for the second start (the first JVM reaches it after about 0.1
 * s): a {@code lint} of at least {@link #THRESHOLD_BYTES} of BPMN files. It never does when the
 * caller chose the compiler themselves (any {@code -XX:} option about tiers or compilation, {@code
 * -Xint}, {@code -Xcomp}), when the command line cannot be read back, when it uses an argument file
 * or a module, or when the system property {@code checkup.cli.fork} is {@code false}. A failed
 * start runs the lint here.
 */
final class JitRelaunch {

  /** Set on the second JVM, so that it never starts a third. */
  static final String FORKED = "checkup.cli.forked";

  /**
   * Set in the second JVM's environment to the first's process id: with {@link #FORKED}, what makes
   * a JVM the second (a user who sets the property by mistake keeps the exit codes 0, 1 and 2).
   */
  static final String FORKED_BY = "CHECKUP_CLI_FORKED_BY";

  /**
   * The second JVM exits with this plus the command's exit code, so that the first can tell an exit
   * of the lint from a JVM that failed before it (an option that cannot be used twice, such as a
   * debugger's fixed port): the first then lints itself.
   */
  static final int FORKED_EXIT = 100;

  /** {@code false}: never start a second JVM; {@code true}: whatever the size of the input. */
  static final String FORK = "checkup.cli.fork";

  /**
   * Below this much BPMN a second JVM start costs more than it saves: measured even at 4.2 MB of
   * realistic models, 40 to 70 ms lost from 0.6 to 3 MB, 60 ms gained at 6 MB (docs/benchmarks.md).
   */
  static final long THRESHOLD_BYTES = 4L * 1024 * 1024;

  /** The quick compiler only. */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /**
   * The collector for a short batch run that allocates much and keeps little: the default (G1) sets
   * up regions, remembered sets and threads of its own that compete with the lint for two cores,
   * and touches memory afresh. On the BPMN MIWG suite the second JVM took a quarter to a third less
   * time with it and a small young generation, and a quarter of the memory (docs/benchmarks.md).
   */
  static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";

  /**
   * A young generation that stays in the processor's reach whatever the machine's memory (the
   * default is a third of 1/64 of it: 120 MB on a 24 GB machine, 37 MB on a 7 GB one).
   */
  static final String YOUNG_GENERATION = "-Xmn32m";

  /** Below this maximum heap the young generation is left to the JVM. */
  static final long YOUNG_GENERATION_MIN_HEAP = 128L * 1024 * 1024;

  /** Launcher options whose value is the next argument. */
  private static final Set<String> WITH_VALUE =
      Set.of(
          "--add-exports",
          "--add-opens",
          "--add-reads",
          "--add-modules",
          "--enable-native-access",
          "--limit-modules",
          "--patch-module",
          "--upgrade-module-path",
          "--module-path",
          "-p");

  private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");

  private JitRelaunch() {}

  /**
   * The second JVM's command for these arguments, or null to lint in this JVM.
   *
   * @param launcherArguments this JVM's command line after the executable, as the launcher got it
   * @param environment the environment this JVM started with
   */
  static List<String> command(
      String javaHome,
      String classPath,
      List<String> launcherArguments,
      Map<String, String> environment,
      String forkSetting,
      boolean forked,
      long maxHeapBytes,
      String... args) {
    if (forked || "false".equalsIgnoreCase(forkSetting) || args.length == 0) {
      return null;
    }
    if (!"lint".equals(args[0]) || javaHome == null || classPath == null) {
      return null;
    }
    List<String> options = jvmOptions(launcherArguments);
    if (options == null || Choice.COMPILER.madeIn(options, environment)) {
      return null;
    }
    if (!"true".equalsIgnoreCase(forkSetting) && !inputsReach(args, THRESHOLD_BYTES)) {
      return null;
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(javaHome, "bin", "java").toString());
    command.addAll(options);
    command.add(C1_ONLY);
    if (!Choice.COLLECTOR.madeIn(options, environment)) {
      command.add(SERIAL_COLLECTOR);
      if (!Choice.YOUNG_GENERATION.madeIn(options, environment)
          && maxHeapBytes >= YOUNG_GENERATION_MIN_HEAP) {
        command.add(YOUNG_GENERATION);
      }
    }
    command.add("-D" + FORKED + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(CheckupCli.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The JVM options of a launcher command line (without its class path), or null when it is not one
   * of the two plain shapes, {@code [options] -jar FILE args} and {@code [options] CLASS args}.
   */
  static List<String> jvmOptions(List<String> launcherArguments) {
    if (launcherArguments == null) {
      return null;
    }
    List<String> options = new ArrayList<>();
    for (int i = 0; i < launcherArguments.size(); i++) {
      String argument = launcherArguments.get(i);
      if (argument.equals("-jar")) {
        return options;
      }
      if (argument.startsWith("@")
          || argument.startsWith("-XX:VMOptionsFile=")
          || argument.startsWith("-XX:Flags=")
          || argument.equals("-m")
          || argument.startsWith("--module=")
          || argument.equals("--module")
          || argument.startsWith("--source")) {
        return null;
      }
      if (CLASS_PATH.contains(argument)) {
        i++;
      } else if (argument.startsWith("--class-path=")) {
        continue;
      } else if (WITH_VALUE.contains(argument)) {
        if (i + 1 >= launcherArguments.size()) {
          return null;
        }
        options.add(argument);
        options.add(launcherArguments.get(++i));
      } else if (argument.startsWith("-")) {
        options.add(argument);
      } else {
        return options; // the main class
      }
    }
    return null;
  }

  /**
   * What the caller may already have chosen for the JVM, in its options or in the environment
   * variables every Java reads: then the second JVM is not given a choice of its own (the caller's
   * stands, and two collectors would not even start).
   */
  enum Choice {
    /** The compiler, or a file of options that may choose it: then no second JVM at all. */
    COMPILER {
      @Override
      boolean matches(String lower) {
        return lower.equals("-xint")
            || lower.equals("-xcomp")
            || (lower.startsWith("-xx:")
                && (lower.contains("tiered")
                    || lower.contains("compil")
                    || lower.startsWith("-xx:vmoptionsfile=")
                    || lower.startsWith("-xx:flags=")));
      }
    },
    /** The garbage collector ({@code -XX:+UseG1GC}, {@code -XX:+UseZGC}, ...). */
    COLLECTOR {
      @Override
      boolean matches(String lower) {
        return (lower.startsWith("-xx:+use") || lower.startsWith("-xx:-use"))
            && lower.endsWith("gc");
      }
    },
    /** The young generation's size. */
    YOUNG_GENERATION {
      @Override
      boolean matches(String lower) {
        return lower.startsWith("-xmn")
            || lower.startsWith("-xx:newsize=")
            || lower.startsWith("-xx:maxnewsize=")
            || lower.startsWith("-xx:newratio=");
      }
    };

    /** Whether one option, in lower case, makes this choice. */
    abstract boolean matches(String lower);

    /** Whether the options or the environment's option variables make this choice. */
    boolean madeIn(List<String> options, Map<String, String> environment) {
      for (String option : options) {
        if (matches(option.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return madeIn(environment.get("JAVA_TOOL_OPTIONS"))
          || madeIn(environment.get("JDK_JAVA_OPTIONS"))
          || madeIn(environment.get("_JAVA_OPTIONS"));
    }

    private boolean madeIn(String options) {
      if (options == null) {
        return false;
      }
      for (String option : options.trim().split("\\s+")) {
        if (matches(option.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whether the BPMN files the arguments name add up to at least {@code threshold} bytes. */
  static boolean inputsReach(String[] args, long threshold) {
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      return false; // the lint in this JVM says what is wrong
    }
    long[] total = {0};
    for (Path path : arguments.paths) {
      try {
        if (Files.isRegularFile(path)) {
          total[0] += Files.size(path);
        } else if (Files.isDirectory(path)) {
          BpmnFileWalk.walk(
              path,
              new BpmnFileWalk.Visitor() {
                @Override
                public boolean file(Path file, long size) {
                  total[0] += size;
                  return total[0] < threshold;
                }
              });
        }
      } catch (IOException e) {
        // unreadable: the lint in whichever JVM reports it
      }
      if (total[0] >= threshold) {
        return true;
      }
    }
    return false;
  }

  /**
   * This JVM's command line after the executable. On Linux from {@code /proc/self/cmdline}, which
   * {@link ProcessHandle.Info#arguments()} reads only up to 4 KB of (a lint of many files named one
   * by one is longer); elsewhere from {@link ProcessHandle}; null when neither tells.
   */
  static List<String> launcherArguments() {
    Path cmdline = Paths.get("/proc/self/cmdline");
    if (Files.isReadable(cmdline)) {
      try {
        List<String> arguments = splitCmdline(Files.readAllBytes(cmdline));
        if (arguments != null) {
          return arguments;
        }
      } catch (IOException | RuntimeException e) {
        // fall back to what the JDK reads
      }
    }
    Optional<String[]> arguments = ProcessHandle.current().info().arguments();
    return arguments.isPresent() ? List.of(arguments.get()) : null;
  }

  /** The arguments after the executable of a NUL-separated command line, or null if it has none. */
  static List<String> splitCmdline(byte[] cmdline) {
    String jnu = System.getProperty("sun.jnu.encoding");
    Charset charset = jnu != null && Charset.isSupported(jnu) ? Charset.forName(jnu) : UTF_8;
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        parts.add(new String(cmdline, start, i - start, charset));
        start = i + 1;
      }
    }
    if (start < cmdline.length) {
      parts.add(new String(cmdline, start, cmdline.length - start, charset));
    }
    return parts.isEmpty() ? null : parts.subList(1, parts.size());
  }

  /**
   * Lints in a second JVM when {@link #command} says so and returns its exit code, or -1 to lint in
   * this one.
   */
  static int runIfWorthIt(String... args) {
    // a host that loaded the command line through a class loader of its own (a plugin host, a
    // nested jar) has a class path of its own: the second JVM would not find this class
    boolean ownClassPath = CheckupCli.class.getClassLoader() == ClassLoader.getSystemClassLoader();
    List<String> command =
        command(
            System.getProperty("java.home"),
            ownClassPath ? System.getProperty("java.class.path") : null,
            launcherArguments(),
            System.getenv(),
            System.getProperty(FORK),
            isForked(),
            Runtime.getRuntime().maxMemory(),
            args);
    if (command == null) {
      return -1;
    }
    Process child;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put(FORKED_BY, String.valueOf(ProcessHandle.current().pid()));
      child = builder.start();
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "checkup-cli: the second JVM for this lint could not be started ("
              + e.getMessage()
              + "); linting in this one");
      return -1;
    }
    // no lambdas here: on a cold JVM the first one costs tens of milliseconds
    Thread stop =
        new Thread("checkup-cli-stop") {
          @Override
          public void run() {
            child.destroy();
            try {
              child.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    Runtime.getRuntime().addShutdownHook(stop);
    int exitCode;
    while (true) {
      try {
        exitCode = child.waitFor();
        break;
      } catch (InterruptedException e) {
        child.destroy();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException shuttingDown) {
      // the hook has run or runs now; the child is gone either way
    }
    return exitCodeOf(exitCode);
  }

  /**
   * The command's exit code from the second JVM's: its lint's, a signal's that ended it (128 and
   * above) as it is, or -1 for a JVM that failed before the lint started.
   */
  static int exitCodeOf(int childExitCode) {
    if (childExitCode >= FORKED_EXIT && childExitCode <= FORKED_EXIT + CheckupCli.EXIT_USAGE) {
      return childExitCode - FORKED_EXIT;
    }
    if (childExitCode >= 128) {
      return childExitCode;
    }
    System.err.println(
        "checkup-cli: the second JVM for this lint ended with exit code "
            + childExitCode
            + " without the lint's answer (-Dcheckup.cli.fork=false avoids it); linting in this one");
    return -1;
  }

  /** Whether this JVM is the second one, started by {@link #runIfWorthIt}. */
  static boolean isForked() {
    if (!Boolean.getBoolean(FORKED)) {
      return false;
    }
    String by = System.getenv(FORKED_BY);
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    return by != null && parent.isPresent() && by.equals(String.valueOf(parent.get().pid()));
  }

  /**
   * In the second JVM: ends it when the first is gone (killed without the chance to stop it), so
   * that nothing goes on writing to the output it inherited.
   */
  static void endWithParent() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isPresent()) {
      parent
          .get()
          .onExit()
          .thenRun(
              new Runnable() {
                @Override
                public void run() {
                  Runtime.getRuntime().halt(143);
                }
              });
    }
  }
}
