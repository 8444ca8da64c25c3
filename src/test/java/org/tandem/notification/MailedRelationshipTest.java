package org.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.TandemApplication;
import org.tandem.support.DatabaseScan;
import org.tandem.support.DrivenLifecycleTest;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.OwnJvm;
import org.tandem.support.RestClientSupport;

/**
 * Notifications as people receive them, from a real SMTP server in the JVM (GreenMail): a whole relationship's mails,
 * the sessions' calendar invitations, and what happens when the work or the mail server fails.
 */
@OwnJvm
@org.springframework.context.annotation.Import(MailedRelationshipTest.Faults.class)
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:tandem-mail-${random.uuid}",
        "camunda.bpm.job-execution.enabled=false", "tandem.notifications.worker-enabled=false",
        "tandem.notifications.base-url=https://tandem.example.org",
        "tandem.privacy.key-file=target/confidential-store-mail-test.key"})
class MailedRelationshipTest extends DrivenLifecycleTest {

  static final String MARKER = "QUOKKA-5RT-CONFIDENTIAL";

  static final GreenMail SMTP = Mailbox.server();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    Mailbox.register(registry, SMTP);
  }

  /** The mail server refuses the next {@link #FAILURES} sends; the reminder delegate fails once after its work. */
  static final AtomicInteger FAILURES = new AtomicInteger();
  static final AtomicBoolean REMINDER_FAILS_ONCE = new AtomicBoolean();

  @TestConfiguration
  static class Faults {

    @Bean
    @Primary
    JavaMailSenderImpl flakyMailServer(Environment environment) {
      JavaMailSenderImpl sender = new JavaMailSenderImpl() {
        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
          if (FAILURES.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
            throw new MailSendException("Connection refused by the mail server");
          }
          super.doSend(messages, originals);
        }
      };
      sender.setHost(environment.getRequiredProperty("spring.mail.host"));
      sender.setPort(environment.getRequiredProperty("spring.mail.port", Integer.class));
      return sender;
    }

    @Bean
    static BeanPostProcessor reminderThatFailsOnce() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!"remindAssignee".equals(name)) {
            return bean;
          }
          JavaDelegate real = (JavaDelegate) bean;
          return (JavaDelegate) execution -> {
            real.execute(execution);
            if (REMINDER_FAILS_ONCE.getAndSet(false)) {
              throw new IllegalStateException("The database connection broke after the reminder was written");
            }
          };
        }
      };
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  OutboxWorker worker;
  @Autowired
  Notifications notifications;
  @Autowired
  TransactionTemplate transactions;

  private final List<Mailbox.Mail> seen = new ArrayList<>();

  @BeforeEach
  void emptyMailbox() throws Exception {
    FAILURES.set(0);
    REMINDER_FAILS_ONCE.set(false);
    SMTP.purgeEmailFromAllMailboxes();
    jdbc.sql("update notification set state = 'CANCELLED' where state = 'PENDING'").update();
  }

  /** Sends what is due and answers the mails that arrived since the last call. */
  private List<Mailbox.Mail> send() {
    worker.sendDue();
    List<Mailbox.Mail> fresh = new ArrayList<>();
    for (Mailbox.Mail mail : Mailbox.received(SMTP)) {
      if (seen.stream().noneMatch(known -> known.messageId().equals(mail.messageId()))) {
        fresh.add(mail);
      }
    }
    seen.addAll(fresh);
    return fresh;
  }

  /** Does a step of the relationship, then sends what is due: answers the step's mails as "to | subject". */
  private List<String> step(Runnable work) {
    work.run();
    return lines(send());
  }

  private List<String> lines(List<Mailbox.Mail> mails) {
    return mails.stream().map(Mailbox.Mail::line).toList();
  }

  private static Map<String, Object> marked(String... fields) {
    Map<String, Object> values = new HashMap<>();
    for (String field : fields) {
      values.put(field, MARKER + " in " + field);
    }
    return values;
  }

  private static String to(String user) {
    return user + "@example.org";
  }

  private void evaluate(String id) {
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_Evaluate").list()) {
      String questionnaire = (String) engine.getTaskService().getVariable(task.getId(), "questionnaire");
      Map<String, Object> answers = switch (questionnaire) {
        case "client-start" -> withAnswers(marked("privateHopes"), "anonymousNeedClarity", "4",
            "anonymousConfidence", "3");
        case "client-middle" -> withAnswers(marked("privateChange"), "anonymousProgress", "3",
            "anonymousRelationship", "5");
        case "coach-middle" -> withAnswers(marked("privateProgrammeNotes"), "anonymousRelationship", "4",
            "anonymousEngagement", "5");
        case "client-end" -> withAnswers(marked("privateGoalsAchieved", "privateDifference",
            "privateOrganisationImpact", "privateSponsorPerspective", "privateSessionsWhereOther", "privateExperience",
            "privateCoachFeedback"), "anonymousReviewedWithSponsor", "YES", "anonymousSessionsHad", 4,
            "anonymousSessionsWhere", "OTHER", "anonymousOverall", "5");
        case "coach-end" -> withAnswers(marked("privateWentWell", "privateLearnt"), "anonymousGoalsMet", "4");
        case "sponsor-end" -> withAnswers(marked("privateOutcomesPerspective", "privateOngoingSupport"),
            "anonymousProgressSeen", "4", "anonymousWorthwhile", "5");
        default -> throw new AssertionError(questionnaire);
      };
      driver.completeTask(task.getId(), task.getAssignee(), answers);
    }
  }

  /** Keeps the relationship's mails as their recipients read them, in target/mails, for reading after a run. */
  private static void keep(List<Mailbox.Mail> mails) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "mails"));
    for (int i = 0; i < mails.size(); i++) {
      Mailbox.Mail mail = mails.get(i);
      Files.writeString(folder.resolve(String.format("%02d-%s.txt", i + 1,
          mail.subject().replaceAll("[^A-Za-z0-9]+", "-"))),
          "To: " + mail.to() + "\nSubject: " + mail.subject() + "\n\n" + mail.text()
              + (mail.ics() == null ? "" : "\n--- attached invite.ics ---\n" + mail.ics()));
    }
  }

  private static Map<String, Object> withAnswers(Map<String, Object> values, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  @Test
  @DisplayName("CON-1 CON-5 CON-6 GO-1 SES-4 a whole relationship mails exactly the expected people, each mail once, with Tasklist links and session invitations, and nothing confidential")
  void a_whole_relationship_mails_the_expected_people_once() throws Exception {
    Map<String, List<String>> mails = new LinkedHashMap<>();
    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    mails.put("start", lines(send()));
    Map<String, Object> contract = driver.contract();
    mails.put("draft", step(() -> driver.draftContract(id, COACH, contract)));
    mails.put("client signs", step(() -> driver.clientSigns(id, CLIENT)));
    mails.put("coach signs", step(() -> driver.coachSigns(id, COACH)));
    mails.put("sponsor agrees", step(() -> driver.sponsorAgrees(id, SPONSOR)));
    mails.put("client start evaluation", step(() -> evaluate(id)));
    mails.put("session 1", step(() -> driver.holdSession(id, COACH,
        marked("confidentialKeyPoints", "confidentialSessionGoal", "confidentialActions"))));
    mails.put("feedback", step(() -> driver.complete(id, "Task_GiveFeedback", CLIENT,
        marked("confidentialWorkedWell"))));
    mails.put("reflection", step(() -> driver.complete(id, "Task_Reflect", COACH, marked("privateLearnt"))));
    mails.put("coach goes on", step(() -> driver.complete(id, "Task_CoachDecidesGo", COACH,
        withAnswers(marked("confidentialGoNote"), "goOn", "YES"))));
    mails.put("client goes on", step(() -> driver.complete(id, "Task_ClientDecidesGo", CLIENT,
        Map.of("goOn", "YES"))));
    Instant secondPlanned = driver.plannedAt(id, 2);
    LocalDateTime movedTo = LocalDateTime.ofInstant(secondPlanned, LifecycleDriver.LONDON).plusDays(3).withHour(14);
    mails.put("client moves session 2", step(() -> driver.complete(id, "Task_ClientChangesSession", CLIENT,
        withAnswers(marked("confidentialChangeNote"), "newDate", movedTo.toLocalDate().toString(),
            "newTime", "14:00"))));
    for (int i = 2; i <= 4; i++) {
      mails.put("session " + i, step(() -> driver.holdSession(id, COACH, marked("confidentialKeyPoints"))));
    }
    mails.put("coach concludes", step(() -> driver.complete(id, "Task_CoachReviews", COACH,
        withAnswers(marked("confidentialProgress"), "reviewDecision", "CONCLUDE"))));
    mails.put("client concludes", step(() -> driver.complete(id, "Task_ClientReviews", CLIENT,
        withAnswers(marked("confidentialProgress"), "reviewDecision", "CONCLUDE"))));
    mails.put("evaluations", step(() -> evaluate(id)));
    mails.put("two weeks on", step(() -> {
      driver.advance(Duration.ofDays(15));
      driver.runDueJobs(id);
    }));
    String coach = to(COACH);
    String client = to(CLIENT);
    String sponsor = to(SPONSOR);
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("start", List.of(coach + " | New task: Draft the contract with your client"));
    expected.put("draft", List.of(client + " | New task: Review and sign the contract"));
    expected.put("client signs", List.of(coach + " | New task: Sign the contract"));
    expected.put("coach signs", List.of(sponsor + " | New task: Agree the goals"));
    expected.put("sponsor agrees", List.of(coach + " | Session 1 planned: Tue 3 Mar, 10:00",
        coach + " | New task: Record the session", client + " | New task: Complete your evaluation",
        client + " | Session 1 planned: Tue 3 Mar, 10:00"));
    expected.put("client start evaluation", List.of());
    expected.put("session 1", List.of(coach + " | Session 2 planned: Tue 17 Mar, 10:00",
        coach + " | 2 new tasks are waiting for you", client + " | Session 2 planned: Tue 17 Mar, 10:00",
        client + " | 2 new tasks are waiting for you"));
    expected.put("feedback", List.of());
    expected.put("reflection", List.of());
    expected.put("coach goes on", List.of());
    expected.put("client goes on", List.of(coach + " | New task: Record the session"));
    expected.put("client moves session 2", List.of(coach + " | Moved: session 2 is now on Fri 20 Mar, 14:00",
        coach + " | New task: Record the session", client + " | Moved: session 2 is now on Fri 20 Mar, 14:00"));
    expected.put("session 2", List.of(coach + " | Session 3 planned: Fri 3 Apr, 14:00",
        coach + " | 3 new tasks are waiting for you", client + " | Session 3 planned: Fri 3 Apr, 14:00",
        client + " | 2 new tasks are waiting for you"));
    expected.put("session 3", List.of(coach + " | Session 4 planned: Fri 17 Apr, 14:00",
        coach + " | 2 new tasks are waiting for you", client + " | Session 4 planned: Fri 17 Apr, 14:00",
        client + " | New task: Give feedback on the session"));
    expected.put("session 4", List.of(coach + " | Session 5 planned: Fri 1 May, 14:00",
        coach + " | 2 new tasks are waiting for you", client + " | Session 5 planned: Fri 1 May, 14:00",
        client + " | 2 new tasks are waiting for you"));
    expected.put("coach concludes", List.of());
    expected.put("client concludes", List.of(coach + " | Cancelled: session 5 on Fri 1 May, 14:00",
        coach + " | New task: Complete your evaluation", client + " | Cancelled: session 5 on Fri 1 May, 14:00",
        client + " | New task: Complete your evaluation", sponsor + " | New task: Complete your evaluation"));
    expected.put("evaluations", List.of());
    expected.put("two weeks on", List.of());
    assertThat(driver.relationship(id)).containsEntry("STATUS", "CLOSED").containsEntry("OUTCOME", "COMPLETED");
    for (Map.Entry<String, List<String>> step : expected.entrySet()) {
      assertThat(mails.get(step.getKey())).as(step.getKey()).containsExactlyInAnyOrderElementsOf(step.getValue());
    }

    assertThat(seen).extracting(Mailbox.Mail::messageId).doesNotHaveDuplicates();
    assertThat(jdbc.sql("select count(*) from notification where relationship_id = :id and state = 'SENT'")
        .param("id", id).query(Long.class).single()).as("one mail per sent notification, batches counted as theirs")
        .isEqualTo(jdbc.sql("select count(*) from notification where relationship_id = :id and kind <> 'NEW_TASK' "
            + "and state = 'SENT'").param("id", id).query(Long.class).single()
            + jdbc.sql("select count(*) from notification where relationship_id = :id and kind = 'NEW_TASK' "
            + "and state = 'SENT'").param("id", id).query(Long.class).single());
    assertThat(seen).allSatisfy(mail -> {
      assertThat(mail.text()).doesNotContain(MARKER).contains("Dear ");
      assertThat(mail.html()).doesNotContain(MARKER).contains("Dear ");
      if (mail.ics() != null) {
        assertThat(mail.ics()).doesNotContain(MARKER);
      }
    });
    assertThat(seen).filteredOn(mail -> mail.subject().startsWith("New task"))
        .allSatisfy(mail -> assertThat(mail.text()).containsPattern(
            "https://tandem\\.example\\.org/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]{36}"));
    assertThat(DatabaseScan.find(dataSource, MARKER)).as("nothing confidential in the outbox or anywhere").isEmpty();
    keep(seen);

    List<VEvent> second = events(client, "session 2");
    assertThat(second).hasSize(2);
    assertThat(second).extracting(event -> event.getUid().orElseThrow().getValue()).containsOnly(
        CalendarInvites.uid(id, 2));
    assertThat(second).extracting(event -> event.getSequence().orElseThrow().getSequenceNo()).containsExactly(0, 1);
    assertThat(start(second.get(0))).isEqualTo(secondPlanned);
    assertThat(start(second.get(1))).isEqualTo(movedTo.atZone(LifecycleDriver.LONDON).toInstant());
    assertThat(second.get(1).getLocation().orElseThrow().getValue()).isEqualTo("Virtual: Teams");
    Calendar cancelled = calendar(seen.stream().filter(mail -> mail.to().equals(coach)
        && mail.subject().startsWith("Cancelled: session 5")).findFirst().orElseThrow().ics());
    assertThat(cancelled.getMethod().orElseThrow().getValue()).isEqualTo("CANCEL");
    VEvent fifth = (VEvent) cancelled.getComponent("VEVENT").orElseThrow();
    assertThat(fifth.getUid().orElseThrow().getValue()).isEqualTo(CalendarInvites.uid(id, 5));
    assertThat(fifth.getSequence().orElseThrow().getSequenceNo()).isEqualTo(1);
    assertThat(fifth.getStatus().orElseThrow().getValue()).isEqualTo("CANCELLED");
  }

  @Test
  @DisplayName("CON-6 a signature that waits is reminded before and on its due date, and the coordinators are told the day after")
  void a_waiting_signature_is_reminded_and_escalated() {
    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    driver.draftContract(id, COACH, driver.contract());
    assertThat(lines(send())).contains(to(CLIENT) + " | New task: Review and sign the contract");
    Task signing = driver.task(id, "Task_ClientSigns");
    assertThat(signing.getDueDate().toInstant()).isEqualTo(LifecycleDriver.START.plus(Duration.ofDays(14)));

    driver.advance(Duration.ofDays(11));
    assertThat(send()).isEmpty();
    driver.advance(Duration.ofDays(1));
    assertThat(lines(send())).containsExactly(to(CLIENT) + " | Due on 16 March: Review and sign the contract");
    driver.advance(Duration.ofDays(2));
    List<Mailbox.Mail> due = send();
    assertThat(lines(due)).containsExactly(to(CLIENT) + " | Due today: Review and sign the contract");
    assertThat(due.get(0).text()).contains("is due today (relationship " + id + ")")
        .contains("/camunda/app/tasklist/default/#/?task=" + signing.getId());
    driver.advance(Duration.ofDays(1));
    List<Mailbox.Mail> overdue = send();
    assertThat(lines(overdue)).containsExactly(to(COORDINATOR) + " | Overdue: Review and sign the contract");
    assertThat(overdue.get(0).text()).contains("in relationship " + id + " was due on Monday 16 March 2026, 09:00")
        .contains("It waits for Clara").contains("/camunda/app/cockpit/default/#/process-instance/"
            + signing.getProcessInstanceId());

    driver.clientSigns(id, CLIENT);
    assertThat(lines(send())).containsExactly(to(COACH) + " | New task: Sign the contract");
    driver.advance(Duration.ofDays(30));
    assertThat(lines(send())).as("the signed task's notifications are withdrawn; the coach's own wait reminds")
        .containsExactlyInAnyOrder(to(COACH) + " | Due on 31 March: Sign the contract",
            to(COACH) + " | Due today: Sign the contract", to(COORDINATOR) + " | Overdue: Sign the contract");
  }

  @Test
  @DisplayName("DP-2 an erasure request waits on the one-month clock: the coordinators hear of it, and are reminded before the month is over")
  void an_erasure_request_reminds_the_coordinators_before_the_month_is_over() {
    String person = driver.newPerson("ernie", org.tandem.identity.Roles.CLIENTS);
    String request = driver.startByForm("erasure-request", person, Map.of("reason", "Moving on", "understood", true));
    assertThat(lines(send())).containsExactly(to(COORDINATOR) + " | New task: Verify an erasure request");
    Task verify = driver.task(request, "Task_VerifyErasure");
    Instant due = verify.getDueDate().toInstant();
    assertThat(due).isAfter(LifecycleDriver.START.plus(Duration.ofDays(27)));
    driver.clockAt(due.minus(Duration.ofDays(2)));
    assertThat(lines(send())).containsExactly(to(COORDINATOR) + " | Due on "
        + DateTimeFormatter.ofPattern("d MMMM", Locale.UK).format(
            due.atZone(LifecycleDriver.LONDON)) + ": Verify an erasure request");
    driver.clockAt(due);
    assertThat(lines(send())).containsExactly(to(COORDINATOR) + " | Due today: Verify an erasure request");
    driver.clockAt(due.plus(Duration.ofDays(3)));
    assertThat(send()).as("the coordinators hold the task themselves: no escalation to them about them").isEmpty();
  }

  @Test
  @DisplayName("a task completion that fails and rolls back sends nothing")
  void a_rolled_back_completion_sends_nothing() {
    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    driver.draftContract(id, COACH, driver.contract());
    send();
    long rows = jdbc.sql("select count(*) from notification").query(Long.class).single();
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      driver.clientSigns(id, CLIENT);
      assertThat(driver.hasTask(id, "Task_CoachSigns")).isTrue();
      throw new IllegalStateException("The work after the signature failed");
    })).hasMessageContaining("failed");

    assertThat(driver.hasTask(id, "Task_ClientSigns")).as("the signature rolled back").isTrue();
    assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single()).isEqualTo(rows);
    assertThat(send()).as("no mail to the coach about a task that never was").isEmpty();
  }

  @Test
  @DisplayName("a send that fails twice is tried again later and sends one mail; after the last attempt it is failed for coordinators, who try it again")
  void a_failing_send_is_retried_then_failed_for_coordinators() throws Exception {
    String cause = "test-flaky:" + UUID.randomUUID();
    transactions.executeWithoutResult(status -> notifications.remind(cause, CLIENT, null, "You are on the register",
        "Your application was approved."));
    FAILURES.set(2);
    assertThat(send()).isEmpty();
    assertThat(row(cause)).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 1)
        .containsEntry("LAST_ERROR", "Connection refused by the mail server");
    driver.advance(Duration.ofSeconds(59));
    assertThat(send()).as("not before the first retry is due").isEmpty();
    driver.advance(Duration.ofSeconds(1));
    assertThat(send()).isEmpty();
    assertThat(row(cause)).containsEntry("ATTEMPTS", 2);
    driver.advance(Duration.ofMinutes(2));
    assertThat(lines(send())).containsExactly(to(CLIENT) + " | You are on the register");
    assertThat(row(cause)).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 3);
    driver.advance(Duration.ofHours(1));
    assertThat(send()).as("sent once").isEmpty();

    String failing = "test-failing:" + UUID.randomUUID();
    transactions.executeWithoutResult(status -> notifications.remind(failing, COACH, null, "Your CPD evidence",
        "Record your supervision."));
    FAILURES.set(100);
    for (int attempt = 1; attempt <= 5; attempt++) {
      send();
      driver.advance(Duration.ofMinutes(1L << attempt));
    }
    assertThat(row(failing)).containsEntry("STATE", "FAILED").containsEntry("ATTEMPTS", 5);
    long id = ((Number) row(failing).get("ID")).longValue();
    RestClientSupport rest = new RestClientSupport("http://localhost:" + port);
    RestClientSupport.Answer failed = rest.get("/api/notifications?state=FAILED", COORDINATOR, "demo");
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.body()).contains("\"id\":" + id).contains("Connection refused by the mail server")
        .doesNotContain("Record your supervision");
    assertThat(rest.get("/api/notifications?state=FAILED", COACH, "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/notifications/summary", COORDINATOR, "demo").body()).contains("\"mailOn\":true");
    FAILURES.set(0);
    assertThat(rest.post("/api/notifications/" + id + "/retry", "{}", COACH, "demo").status()).isEqualTo(403);
    assertThat(rest.post("/api/notifications/" + id + "/retry", "{}", COORDINATOR, "demo").status()).isEqualTo(200);
    assertThat(lines(send())).containsExactly(to(COACH) + " | Your CPD evidence");
  }

  @Test
  @DisplayName("CON-5 a reminder job the engine retries after a failure sends its reminder once")
  void a_retried_reminder_job_sends_once() {
    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    Map<String, Object> contract = driver.contract();
    driver.draftContract(id, COACH, contract);
    driver.clientSigns(id, CLIENT);
    driver.coachSigns(id, COACH);
    send();
    driver.advance(Duration.ofDays(7));
    Job reminder = engine.getManagementService().createJobQuery()
        .processInstanceId(driver.instance(id, "contracting").getId()).timers().singleResult();
    REMINDER_FAILS_ONCE.set(true);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(reminder.getId()))
        .hasMessageContaining("connection broke");
    assertThat(engine.getManagementService().createJobQuery().jobId(reminder.getId()).singleResult().getRetries())
        .as("the engine will try the job again").isEqualTo(2);
    assertThat(send()).as("the failed attempt's reminder rolled back with it").isEmpty();
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(lines(send())).containsExactly(to(SPONSOR) + " | Reminder: Agree the goals");
    assertThat(driver.reminders(id, SPONSOR)).containsExactly("Reminder: Agree the goals");
  }

  private Map<String, Object> row(String cause) {
    return jdbc.sql("select id, state, attempts, last_error from notification where cause_key = :cause")
        .param("cause", cause).query().singleRow();
  }

  private List<VEvent> events(String to, String session) {
    return seen.stream().filter(mail -> mail.to().equals(to) && mail.ics() != null
            && mail.subject().toLowerCase(Locale.ROOT).contains(session))
        .map(mail -> (VEvent) calendar(mail.ics()).getComponent("VEVENT").orElseThrow()).toList();
  }

  private static Calendar calendar(String ics) {
    try {
      return new CalendarBuilder().build(new StringReader(ics));
    } catch (Exception e) {
      throw new AssertionError("The calendar file does not parse: " + ics, e);
    }
  }

  private static Instant start(VEvent event) {
    java.time.temporal.Temporal start = event.getDateTimeStart().orElseThrow().getDate();
    return start instanceof ZonedDateTime zoned ? zoned.toInstant() : Instant.from(start);
  }
}
