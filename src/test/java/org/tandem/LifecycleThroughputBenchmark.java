package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tandem.identity.Roles;
import org.tandem.support.DrivenLifecycleTest;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.RegisterFixtures;
import org.tandem.support.RelationshipRun;

/**
 * How fast the product runs its main job against the bare engine, in the same JVM and the same run: whole
 * relationships driven through their forms as people do it (a request with consent, the shortlist, the choice and
 * the coach's acceptance, a contract of three goals agreed by a sponsor, go/no-go, four sessions, a review that
 * continues, the new contract, four more sessions, a review that concludes, and every evaluation), against a bare
 * process of 40 user tasks driven the same way (find the task, submit its form as its assignee). Two threads each.
 * Prints user tasks per second for both and the ratio. Run with {@code ./mvnw -Pbenchmark test}; not part of
 * {@code ./mvnw verify}.
 *
 * <p>The engine's clock stands still, so that two threads can drive relationships side by side: each session is
 * recorded as held today and the next one planned for tomorrow.
 */
@Tag("benchmark")
abstract class LifecycleThroughputBenchmark extends DrivenLifecycleTest {

  static final int THREADS = 2;
  static final int ROUNDS = 3;
  static final int RELATIONSHIPS_PER_THREAD = 4;
  static final int BARE_TASKS = 40;
  /** The process tests' coverage recording, which a benchmark leaves out: it costs every element a query. */
  static final String COVERAGE =
      "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";

  abstract String database();

  @Test
  void the_lifecycle_against_the_bare_engine() throws Exception {
    deployBareProcess();
    lifecycle(0);
    bare(0);

    StringBuilder rounds = new StringBuilder();
    List<Double> ratios = new ArrayList<>();
    long lifecycleTasks = 0;
    long bareTasks = 0;
    double lifecycleSeconds = 0;
    double bareSeconds = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      long before = completedTasks();
      double seconds = inThreads(this::lifecycle, RELATIONSHIPS_PER_THREAD);
      long tasks = completedTasks() - before;
      int instances = (int) Math.max(1, tasks / THREADS / BARE_TASKS);
      before = completedTasks();
      double bareRoundSeconds = inThreads(this::bare, instances);
      long bareRoundTasks = completedTasks() - before;
      double ratio = (tasks / seconds) / (bareRoundTasks / bareRoundSeconds);
      ratios.add(ratio);
      rounds.append("  round %d: relationships %.1f tasks/s, bare %.1f tasks/s, ratio %.2f%n"
          .formatted(round, tasks / seconds, bareRoundTasks / bareRoundSeconds, ratio));
      lifecycleTasks += tasks;
      lifecycleSeconds += seconds;
      bareTasks += bareRoundTasks;
      bareSeconds += bareRoundSeconds;
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    System.out.printf("Lifecycle throughput on %s%nMachine: %d cores, %d MiB max heap, %s %s, Java %s%n"
            + "  %d threads; %d rounds, each %d whole relationships then the bare process for as many user tasks%n%s"
            + "  whole relationships: %,d user tasks in %.1f s: %.1f tasks/s (%d tasks per relationship)%n"
            + "  bare %d-task process: %,d user tasks in %.1f s: %.1f tasks/s%n"
            + "  ratio (relationships / bare), median of the rounds: %.2f%n",
        database(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
        THREADS, ROUNDS, THREADS * RELATIONSHIPS_PER_THREAD, rounds, lifecycleTasks, lifecycleSeconds,
        lifecycleTasks / lifecycleSeconds, lifecycleTasks / ((long) ROUNDS * THREADS * RELATIONSHIPS_PER_THREAD),
        BARE_TASKS, bareTasks, bareSeconds, bareTasks / bareSeconds, sorted.get(sorted.size() / 2));
    assertThat(lifecycleTasks).isPositive();
  }

  /** The user tasks people completed (not those cancelled with their scope, as standing tasks are at the end). */
  private long completedTasks() {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().taskDeleteReason("completed").count();
  }

  /** Runs the work {@code each} times on each of the threads; answers the wall time in seconds. */
  private double inThreads(IntConsumer work, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        running.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            work.accept(i);
          }
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      return (System.nanoTime() - started) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  // ---- the bare process: 40 user tasks in a row, each with a form of one field ----

  private void deployBareProcess() {
    StringBuilder tasks = new StringBuilder();
    for (int i = 1; i <= BARE_TASKS; i++) {
      tasks.append("""
          <bpmn:userTask id="Task_%d" camunda:assignee="${assignee}" camunda:formRef="bench-step" \
          camunda:formRefBinding="deployment" />
          <bpmn:sequenceFlow id="Flow_%d" sourceRef="%s" targetRef="Task_%d" />
          """.formatted(i, i, i == 1 ? "Event_Start" : "Task_" + (i - 1), i));
    }
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bench" targetNamespace="http://tandem">
          <bpmn:process id="bench-bare" isExecutable="true" camunda:historyTimeToLive="1" camunda:versionTag="bench">
            <bpmn:startEvent id="Event_Start" />
            %s
            <bpmn:endEvent id="Event_End" />
            <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_%d" targetRef="Event_End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(tasks, BARE_TASKS);
    String form = """
        {"id": "bench-step", "type": "default", "schemaVersion": 16, "components": [
          {"id": "Field_Note", "key": "note", "type": "textfield", "label": "Note"}]}
        """;
    engine.getRepositoryService().createDeployment().name("bench-bare")
        .addString("bench-bare.bpmn", model).addString("bench-step.form", form).deploy();
  }

  private void bare(int unused) {
    String coach = LifecycleDriver.COACH;
    String instance = engine.getRuntimeService().startProcessInstanceByKey("bench-bare",
        Map.of("assignee", coach)).getId();
    for (int step = 0; step < BARE_TASKS; step++) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      driver.completeTask(task.getId(), coach, Map.of("note", "step " + step));
    }
  }

  // ---- a whole relationship ----

  private String person(String name, String group) {
    return driver.newPerson(name, group);
  }

  private void lifecycle(int unused) {
    String town = "bench" + UUID.randomUUID().toString().substring(0, 8);
    String coach = new RegisterFixtures(jdbc).profile(town + "c").specialisms("LEADERSHIP").locations(town).save();
    var user = engine.getIdentityService().newUser(coach);
    user.setPassword("demo");
    user.setEmail(coach + "@bench.example");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(coach, Roles.COACHES);
    String client = person("client", Roles.CLIENTS);

    RelationshipRun run = new RelationshipRun(driver, jdbc, engine);
    String id = run.matched(coach, client, town, SPONSOR);
    run.toTheEnd(id);
    assertThat(driver.relationship(id)).containsEntry("STATUS", "CLOSED");
  }
}
