package io.checkup.stats;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One process instance of 22 steps (service tasks and an exclusive decision, run to its end in one
 * command, about 25 counted events) on an engine with the plugin and on one without, H2 in memory,
 * history none: the whole cost of the statistics to an instance, Camunda's dispatch of the
 * listeners included, with JMH's error bars. Run with
 * plugin/src/test/scripts/stats-event-benchmark.sh EngineInstanceBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgs = "-Xmx2g")
public class EngineInstanceBenchmark {

  /**
   * Without the plugin; with it as installed; with it but its statistics off; with it but nothing
   * in the background (no report warm-up, no daily snapshots); without it but with listeners that
   * do nothing where the statistics put theirs (Camunda's own cost of a listener).
   */
  @Param({"without", "with", "statsOff", "quiet", "emptyListeners"})
  String plugin;

  private ProcessEngine engine;
  private RuntimeService runtime;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.checkup"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    TestEngines builder = TestEngines.h2().history("none");
    if (plugin.equals("emptyListeners")) {
      builder.plugin(new EmptyListeners());
    } else if (!plugin.equals("without")) {
      CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
      checkup.setStatsEnabled(!plugin.equals("statsOff"));
      if (plugin.equals("quiet")) {
        checkup.setReportWarmUp(false);
        checkup.setReportSnapshots(false);
      }
      builder.plugin(checkup);
    }
    engine = builder.build();
    engine.getRepositoryService().createDeployment().addModelInstance("s.bpmn", steps()).deploy();
    runtime = engine.getRuntimeService();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public Object instance() {
    return runtime.startProcessInstanceByKey("steps", Map.of("amount", (i++ % 3) == 0 ? 500 : 50));
  }

  /** A listener that does nothing on every activity's end, every process's start and end. */
  static final class EmptyListeners extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      ExecutionListener nothing = execution -> {};
      List<BpmnParseListener> listeners = new ArrayList<>();
      if (configuration.getCustomPostBPMNParseListeners() != null) {
        listeners.addAll(configuration.getCustomPostBPMNParseListeners());
      }
      listeners.add(
          new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
              definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, nothing);
              definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, nothing);
            }

            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
              activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, nothing);
            }

            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
              activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, nothing);
            }

            @Override
            public void parseExclusiveGateway(
                Element element, ScopeImpl scope, ActivityImpl activity) {
              activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, nothing);
            }

            @Override
            public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
              activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, nothing);
            }

            @Override
            public void parseSequenceFlow(
                Element element, ScopeImpl scope, TransitionImpl transition) {
              Object type = transition.getSource().getProperty("type");
              if ("exclusiveGateway".equals(type)) {
                transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, nothing);
              }
            }
          });
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
  }

  private static BpmnModelInstance steps() {
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess("steps").camundaHistoryTimeToLive(1).startEvent("start");
    for (int k = 1; k <= 8; k++) {
      builder = builder.serviceTask("prepare" + k).camundaExpression("${true}");
    }
    builder =
        builder
            .exclusiveGateway("decide")
            .condition("large", "${amount >= 100}")
            .serviceTask("large")
            .camundaExpression("${true}")
            .exclusiveGateway("merge")
            .moveToNode("decide")
            .condition("small", "${amount < 100}")
            .serviceTask("small")
            .camundaExpression("${true}")
            .connectTo("merge")
            .moveToNode("merge");
    for (int k = 1; k <= 8; k++) {
      builder = builder.serviceTask("finish" + k).camundaExpression("${true}");
    }
    return builder.endEvent("end").done();
  }
}
