package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemSpringBootTest;

/**
 * A whole relationship as its people live it, in a real Chromium: the client asks for coaching in Tasklist and picks
 * a coach, the coach accepts, they contract, meet, review, re-contract, the client ends it early and everyone
 * evaluates; a coordinator follows it in Cockpit; another coach sees none of it. The scenarios run in order, on one
 * relationship. The engine's clock is the product's: each step moves it to when the person would act.
 */
@Chromium.Required
@TandemSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelationshipBrowserIT {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String PASSWORD = "demo";
  /** The goals Colin drafts, each with what success looks like; the fourth is one too many (CON-2). */
  static final String[][] GOALS = {
      {"Delegate the weekly rota to the two team leads", "The leads run the rota for a month without me"},
      {"Hold steadier one-to-ones during the restructure", "Every one-to-one held, none cut short"},
      {"Build a working relationship with the new director", "A monthly meeting we both keep"},
      {"Finish the leadership apprenticeship", "Portfolio submitted"}};

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  Browser browser;
  Tasklist tasklist;
  Cockpit cockpit;
  String relationshipId;
  final List<String> phasesSeen = new ArrayList<>();

  @BeforeAll
  void openTheBrowser() {
    browser = new Browser("http://localhost:" + port);
    tasklist = new Tasklist(browser);
    cockpit = new Cockpit(browser);
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
    ClockUtil.reset();
  }

  /** Moves the engine's clock to a day and time in London. */
  private void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(LONDON).toInstant()));
  }

  @Test
  @Order(1)
  @DisplayName("MAT-1 MAT-2 MAT-3 DP-1 CON-5 scenario 1: a client asks for coaching in Tasklist, consents, picks a coach from the shortlist and her sponsor from the sponsors; the coach accepts")
  void scenario1_request_and_match() {
    String scenario = "s1";
    tasklist.login("clara", PASSWORD);
    browser.screenshot(scenario, "clara-logged-in");
    CamundaForm request = tasklist.startProcess("Request for coaching or mentoring");
    request.check("I consent to the processing of my personal data as the privacy notice describes")
        .choose("What would you like?", "Coaching")
        .type("What would you like to develop?", "Leading my new team through a restructure")
        .type("Your goals so far (optional)", "Delegate more; hold steadier one-to-ones")
        .select("The area you want to work on (optional)", "Leadership")
        .choose("How would you like to meet? (optional)", "Virtual")
        .type("Your organisation", "Sandwell and West Birmingham NHS Trust");
    browser.screenshot(scenario, "request-filled");
    tasklist.start();
    browser.screenshot(scenario, "request-started");

    tasklist.filter("My tasks");
    CamundaForm choice = tasklist.open("Choose your coach or mentor");
    assertThat(choice.text()).contains("Colin Marsh", "Chloe Ahmed", "offers your specialism: leadership");
    List<String> shortlist = choice.options("Your choice");
    browser.screenshot(scenario, "shortlist");
    assertThat(shortlist).hasSize(2).first().asString().contains("Colin Marsh");
    choice.select("Your choice", shortlist.get(0));
    assertThat(choice.options("Your sponsor (optional)")).as("picked, not typed").contains("Sam Okafor");
    choice.select("Your sponsor (optional)", "Sam Okafor");
    browser.screenshot(scenario, "coach-chosen");
    tasklist.complete();

    tasklist.login("colin", PASSWORD);
    CamundaForm answer = tasklist.open("Accept or decline a client");
    browser.screenshot(scenario, "coach-asked");
    answer.choose("Your answer", "I accept this client");
    tasklist.complete();
    tasklist.waitFor("Draft the contract with your client");
    browser.screenshot(scenario, "coach-accepted");

    relationshipId = jdbc.sql("select id from relationship where coach_id = 'colin' and client_id = 'clara' "
        + "order by opened_at desc").query(String.class).list().get(0);
    assertThat(relationshipId).matches("R-\\d{6}");
  }

  @Test
  @Order(2)
  @DisplayName("CON-1 CON-2 CON-3 CON-5 scenario 2: the coach drafts the contract (a fourth goal and two most important are refused by the form), both sign, the sponsor agrees")
  void scenario2_contract() {
    String scenario = "s2";
    at(LocalDate.of(2026, 3, 3), LocalTime.of(10, 0));
    tasklist.login("colin", PASSWORD);
    CamundaForm draft = tasklist.open("Draft the contract with your client");
    browser.screenshot(scenario, "draft-opened");
    draft.date("Start date", LocalDate.of(2026, 3, 9))
        .date("Planned end date", LocalDate.of(2026, 9, 30))
        .type("Number of sessions agreed", "6")
        .type("Frequency of sessions", "Every three weeks")
        .date("Date of the first session", LocalDate.of(2026, 3, 12))
        .time("Time of the first session", LocalTime.of(10, 0))
        .type("Length of a session (minutes)", "60")
        .choose("Format of the sessions", "Virtual")
        .type("Location or platform", "Microsoft Teams")
        .check("We have agreed the use of cameras and the platform");
    browser.screenshot(scenario, "practicalities");

    for (int goal = 0; goal < 4; goal++) {
      if (goal > 0) {
        draft.addRow();
      }
      draft.type("Goal", goal, GOALS[goal][0]).type("What would success look like?", goal, GOALS[goal][1]);
    }
    draft.check("This is the most important goal", 1, true);
    draft.type("Why was coaching or mentoring chosen to help meet these goals (as opposed to other forms of development)?",
            "A course teaches the theory; Clara needs to work through her own team's situation")
        .type("What do you think the benefits might be to the client's organisation?",
            "A steadier team through the restructure, and fewer escalations")
        .type("What the coach or mentor wants and does not want from the client", "Come prepared; tell me what is not working")
        .type("What the client wants and does not want from the coach or mentor", "Challenge, not advice")
        .type("Notice for changing a session (hours)", "0");
    assertThat(draft.errors()).contains("Field must have minimum value of 1.");
    acknowledgeTheTerms(draft.type("Notice for changing a session (hours)", "48"));

    assertThat(draft.rows()).isEqualTo(4);
    assertThat(draft.shows("At most three goals: remove one before you submit.")).isTrue();
    draft.press("Send the draft to your client");
    browser.screenshot(scenario, "fourth-goal-refused");
    assertThat(draft.text()).contains("Not sent yet: a contract has at most three goals. Remove one under Goals above.");
    assertThat(draft.errors()).isNotEmpty();
    assertThat(stillOpen("Task_DraftContract")).as("the draft stays with the coach").isTrue();
    assertThat(contracts()).as("nothing submitted").isZero();

    draft.removeRow(3);
    assertThat(draft.rows()).isEqualTo(3);
    assertThat(draft.shows("At most three goals: remove one before you submit.")).isFalse();
    draft.check("This is the most important goal", 2, true);
    assertThat(draft.shows("Mark exactly one goal as the most important.")).isTrue();
    draft.press("Send the draft to your client");
    browser.screenshot(scenario, "two-most-important-refused");
    assertThat(draft.text()).contains("Not sent yet: mark exactly one goal as the most important under Goals above.")
        .doesNotContain("at most three goals. Remove one");
    assertThat(draft.errors()).isNotEmpty();
    assertThat(stillOpen("Task_DraftContract")).isTrue();
    assertThat(contracts()).isZero();

    draft.check("This is the most important goal", 2, false);
    assertThat(draft.shows("Mark exactly one goal as the most important.")).isFalse();
    assertThat(draft.errors()).isEmpty();
    assertThat(draft.text()).doesNotContain("Not sent yet");
    browser.screenshot(scenario, "draft-ready");
    draft.press("Send the draft to your client");
    browser.await("the draft to be sent", d -> stillOpen("Task_DraftContract") ? null : true);
    browser.screenshot(scenario, "draft-sent");
    assertThat(jdbc.sql("select sessions_agreed, session_minutes, notice_hours, session_format from contract "
            + "where relationship_id = ? and version = 1").param(relationshipId)
        .query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getString(4)).single())
        .isEqualTo("6/60/48/VIRTUAL");
    assertThat(jdbc.sql("select ordinal, most_important from contract_goal where relationship_id = ? order by ordinal")
        .param(relationshipId).query((rs, row) -> rs.getInt(1) + ":" + rs.getBoolean(2)).list())
        .containsExactly("1:false", "2:true", "3:false");

    coordinatorFinds(scenario, "Task_Contracting", "at-contracting");

    everyoneSigns(scenario, "", List.of(GOALS[0][0], GOALS[1][0], GOALS[2][0]), GOALS[3][0]);

    assertThat(jdbc.sql("select status from contract where relationship_id = ? and version = 1").param(relationshipId)
        .query(String.class).single()).isEqualTo("IN_FORCE");
  }

  @Test
  @Order(3)
  @DisplayName("GO-1 SES-1 SES-2 REV-1 REV-2 END-1 EVA-1 EVA-2 scenario 3: four sessions recorded, both go on after the first, the review continues and the pair re-contract; the client ends early with a reason; client, coach and sponsor evaluate")
  void scenario3_sessions_review_and_ending() {
    String scenario = "s3";
    tasklist.login("clara", PASSWORD);
    CamundaForm start = tasklist.open("Complete your evaluation");
    start.choose("How clear are you about your development need?", "4")
        .choose("How confident are you that coaching will help you reach your goals?", "4")
        .type("What do you most hope to get from coaching?", "To stop carrying every decision myself");
    browser.screenshot(scenario, "start-evaluation");
    tasklist.complete();

    LocalDate day = LocalDate.of(2026, 3, 12);
    recordSession(scenario, 1, day, day.plusWeeks(3));
    coordinatorFinds(scenario, "Task_Sessions", "at-sessions");
    coordinatorSeesNoSessionContent(scenario);

    tasklist.login("colin", PASSWORD);
    tasklist.open("Decide whether to go on (coach)").choose("Do you want to go on?", "Yes, let's go on");
    browser.screenshot(scenario, "coach-goes-on");
    tasklist.complete();
    tasklist.login("clara", PASSWORD);
    CamundaForm go = tasklist.open("Decide whether to go on (client)");
    go.choose("Do you want to go on?", "Yes, let's go on");
    assertThat(go.shows("Why not?")).isFalse();
    browser.screenshot(scenario, "client-goes-on");
    tasklist.complete();
    assertThat(jdbc.sql("select count(*) from decision where relationship_id = ?").param(relationshipId)
        .query(Long.class).single()).isPositive();

    for (int number = 2; number <= 4; number++) {
      day = day.plusWeeks(3);
      recordSession(scenario, number, day, day.plusWeeks(3));
    }
    assertThat(jdbc.sql("select count(*) from coaching_session where relationship_id = ? and recorded_at is not null")
        .param(relationshipId).query(Long.class).single()).isEqualTo(4);

    tasklist.login("colin", PASSWORD);
    CamundaForm review = tasklist.open("Review progress (coach)");
    review.type("Progress towards the goals", "CONFIDENTIAL-REVIEW: the rota is delegated; one-to-ones held")
        .choose("Your decision", "Continue for another four sessions (we re-contract)");
    browser.screenshot(scenario, "coach-reviews");
    tasklist.complete();
    tasklist.login("clara", PASSWORD);
    tasklist.open("Review progress (client)")
        .choose("Your decision", "Continue for another four sessions (we re-contract)");
    browser.screenshot(scenario, "client-reviews");
    tasklist.complete();

    at(day, LocalTime.of(15, 0));
    tasklist.login("colin", PASSWORD);
    CamundaForm redraft = tasklist.open("Draft the contract with your client");
    browser.screenshot(scenario, "recontract-opened");
    assertThat(redraft.rows()).as("the goals of the contract in force").isEqualTo(3);
    redraft.type("Number of sessions agreed", "4")
        .date("Start date", day.plusDays(1))
        .type("Goal", 2, "Build a working relationship with the new director and her deputy");
    acknowledgeTheTerms(redraft);
    browser.screenshot(scenario, "recontract-ready");
    redraft.press("Send the draft to your client");
    browser.await("the new draft to be sent", d -> stillOpen("Task_DraftContract") ? null : true);
    everyoneSigns(scenario, "recontract-", List.of(GOALS[0][0], GOALS[1][0],
        "Build a working relationship with the new director and her deputy"), GOALS[3][0]);
    assertThat(jdbc.sql("select version, sessions_agreed from contract where relationship_id = ? and status = 'IN_FORCE'")
        .param(relationshipId).query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2)).single()).isEqualTo("2/4");

    at(day.plusDays(5), LocalTime.of(9, 0));
    tasklist.login("clara", PASSWORD);
    CamundaForm end = tasklist.open("End the relationship early (client)");
    List<String> reasons = end.options("Reason");
    assertThat(reasons).as("END-1 reasons for coaching, without the mentoring ones").containsExactly(
        "A conflict of interest", "The coach's or mentor's skills do not fit the client's needs",
        "A different kind of support would suit the client better",
        "The relationship is not meeting the client's needs", "Another reason");
    end.select("Reason", "Another reason")
        .type("Describe the reason", "I am moving to a post in another trust");
    end.check("I understand that this ends the relationship now");
    browser.screenshot(scenario, "client-ends-early");
    tasklist.complete();
    assertThat(jdbc.sql("select status || ' ' || end_reason || ': ' || end_reason_details from relationship where id = ?")
        .param(relationshipId).query(String.class).single())
        .isEqualTo("CLOSED OTHER: I am moving to a post in another trust");

    tasklist.login("clara", PASSWORD);
    CamundaForm clientEnd = tasklist.open("Complete your evaluation");
    assertThat(clientEnd.text()).contains("Goals and Review: the end");
    clientEnd.type("Were these goals achieved? Please provide details.", "Two of three: the rota and the one-to-ones")
        .type("What difference has coaching made to you? What has been most beneficial, and what impact has it made?",
            "I delegate without checking back")
        .type("What impact has coaching made for your organisation? In what ways has it affected those you work with "
            + "(staff, customers, senior colleagues, residents ...)?", "The team leads own the rota")
        .choose("Have the outcomes been reviewed with your organisational sponsor?", "Yes")
        .type("What was your sponsor's perspective on the outcomes?", "Pleased with the rota")
        .type("How many sessions did you have?", "4")
        .choose("Where were the sessions held?", "Online")
        .type("Overall, how would you describe your coaching experience to others?", "Practical and challenging")
        .type("What feedback do you have about your coach's or mentor's style, approach and effectiveness?",
            "Good questions, patient")
        .choose("Overall, how valuable was it for you?", "5 – very much");
    browser.screenshot(scenario, "client-end-evaluation");
    tasklist.complete();

    tasklist.login("colin", PASSWORD);
    tasklist.open("Complete your evaluation").choose("How far were the client's goals met?", "4")
        .type("What have you learnt for your practice?", "Contract the review dates at the start");
    browser.screenshot(scenario, "coach-end-evaluation");
    tasklist.complete();

    tasklist.login("sam", PASSWORD);
    tasklist.open("Complete your evaluation").choose("How much progress have you seen towards the goals?", "4")
        .type("Your perspective on the outcomes", "The rota runs without escalation")
        .choose("Was it a worthwhile investment for your organisation?", "5 – very much");
    browser.screenshot(scenario, "sponsor-end-evaluation");
    tasklist.complete();

    assertThat(jdbc.sql("select count(*) from evaluation where relationship_id = ? and stage = 'END' "
            + "and status = 'RETURNED'").param(relationshipId).query(Long.class).single())
        .as("end evaluations returned by client, coach and sponsor").isEqualTo(3);
  }

  @Test
  @Order(4)
  @DisplayName("DP-5 scenario 4: a coordinator found the relationship in Cockpit at each phase, never saw session content, and finds it no longer running once it ended")
  void scenario4_coordinator_follows_in_cockpit() {
    assertThat(phasesSeen).as("phases where the coordinator found the relationship on the way")
        .containsExactly("Task_Contracting", "Task_Sessions");
    cockpit.login("cora", PASSWORD).process("Coaching or mentoring relationship");
    browser.screenshot("s4", "after-the-end");
    assertThat(cockpit.instancesAt("Task_Contracting")).isZero();
    assertThat(cockpit.instancesAt("Task_Sessions")).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("relationship")
        .variableValueEquals("relationshipId", relationshipId).count()).isZero();
  }

  @Test
  @Order(5)
  @DisplayName("DP-4 scenario 5: a second coach sees none of the first coach's tasks, not even by their link")
  void scenario5_another_coach_sees_nothing() {
    List<Task> colins = engine.getTaskService().createTaskQuery()
        .taskAssignee("colin").list();
    assertThat(colins).as("colin still has tasks (feedback and reflection are optional)").isNotEmpty();

    tasklist.login("chloe", PASSWORD);
    tasklist.filter("My tasks");
    List<String> mine = tasklist.tasks();
    browser.screenshot("s5", "chloe-my-tasks");
    tasklist.filter("My group's tasks");
    List<String> groups = tasklist.tasks();
    browser.screenshot("s5", "chloe-group-tasks");
    assertThat(mine).isEmpty();
    assertThat(groups).isEmpty();

    Task theirs = colins.get(0);
    tasklist.openById(theirs.getId());
    browser.screenshot("s5", "chloe-opens-colins-task-link");
    assertThat(tasklist.showsTask(theirs.getName())).as("chloe cannot open colin's task by its link").isFalse();
  }

  /** What a hostile client types: HTML that would run a script, and Markdown that would make a link, an image, markup. */
  static final String HOSTILE_HTML = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
  static final String HOSTILE_MARKDOWN = "[my CV](https://evil.example/cv) ![](https://evil.example/pixel.png) "
      + "# not a heading *not emphasis* `not code` {{requestId}}";

  @Test
  @Order(6)
  @DisplayName("MAT-3 scenario 6: a request nobody can take goes to the coordinators; Cora claims it from her group's tasks, reads the client's words exactly as typed (markup, HTML and links stay text), and is offered nobody to match with, since nobody can take the client")
  void scenario6_coordinator_claims_a_request_nobody_could_take() {
    String scenario = "s6";
    tasklist.login("carl", PASSWORD);
    tasklist.startProcess("Request for coaching or mentoring")
        .check("I consent to the processing of my personal data as the privacy notice describes")
        .choose("What would you like?", "Mentoring")
        .type("What would you like to develop?", "Moving from clinical work into management " + HOSTILE_HTML)
        .type("Your goals so far (optional)", HOSTILE_MARKDOWN)
        .type("Where would you like to meet? (optional)", "www.evil.example")
        .type("Your organisation", "Sandwell and West Birmingham NHS Trust")
        .type("People in your line of management (optional)", "colin");
    browser.screenshot(scenario, "carl-asks-for-mentoring");
    tasklist.start();

    tasklist.login("cora", PASSWORD);
    tasklist.filter("My group's tasks");
    CamundaForm byHand = tasklist.open("Match a client by hand");
    browser.screenshot(scenario, "cora-claimed");
    Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_MatchByHand").singleResult();
    assertThat(task.getAssignee()).as("claimed by the coordinator who opened it").isEqualTo("cora");
    assertThat(byHand.text()).as("the client's words, shown as typed")
        .contains(HOSTILE_HTML).contains(HOSTILE_MARKDOWN).contains("www.evil.example");
    assertThat(byHand.inText("img")).as("no image from the client's text").isEmpty();
    assertThat(byHand.inText("a")).as("no link from the client's text").isEmpty();
    assertThat(byHand.inText("h1, h2 + h1, em, code")).as("no markup from the client's text").isEmpty();
    assertThat(browser.title()).doesNotContain("pwned");

    assertThat(byHand.text()).as("why nobody is offered")
        .contains("Nobody on the register can take this client now");
    assertThat(byHand.offered("Match the client with"))
        .as("colin, the only mentor, is in carl's line of management: not offered").isEmpty();
    browser.screenshot(scenario, "nobody-to-match");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult())
        .as("the task stays with the coordinator").isNotNull();
  }

  @Test
  @Order(7)
  @DisplayName("REG-1 REG-3 scenario 7: an application with HTML, Markdown and links in every free-text field reaches the coordinator's approval form exactly as typed")
  void scenario7_what_an_applicant_types_shows_as_typed() {
    String applicant = "dana" + java.util.UUID.randomUUID().toString().substring(0, 6);
    var user = engine.getIdentityService().newUser(applicant);
    user.setPassword(PASSWORD);
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(applicant, "clients");
    java.util.Map<String, Object> form = new java.util.HashMap<>();
    form.put("consent", true);
    form.put("firstName", "Dana <b>bold</b>");
    form.put("lastName", "*Okafor* [x](https://evil.example)");
    form.put("email", "dana@example.org");
    form.put("organisation", HOSTILE_HTML);
    form.put("asCoach", true);
    form.put("asMentor", false);
    form.put("qualification", "EQUIVALENT");
    form.put("qualificationDetails", HOSTILE_MARKDOWN);
    form.put("chargesFees", true);
    form.put("fees", "![](https://evil.example/pixel.png) www.evil.example");
    form.put("specialisms", org.camunda.spin.Spin.JSON(List.of("LEADERSHIP")));
    form.put("formats", org.camunda.spin.Spin.JSON(List.of("VIRTUAL")));
    form.put("locations", "Dudley");
    form.put("capacity", "2");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("coach-registration").latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication(applicant, List.of("clients"));
    try {
      engine.getFormService().submitStartForm(definition, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    tasklist.login("cora", PASSWORD);
    tasklist.filter("My group's tasks");
    CamundaForm approval = tasklist.open("Approve an application");
    browser.screenshot("s7", "cora-reads-the-application");
    assertThat(approval.text()).as("every field as typed").contains("Dana <b>bold</b>")
        .contains("*Okafor* [x](https://evil.example)").contains(HOSTILE_HTML).contains(HOSTILE_MARKDOWN)
        .contains("![](https://evil.example/pixel.png) www.evil.example");
    assertThat(approval.inText("img")).as("no image from the applicant's text").isEmpty();
    assertThat(approval.inText("a")).as("no link from the applicant's text").isEmpty();
    assertThat(approval.inText("b, em, code, h1")).as("no markup from the applicant's text").isEmpty();
    assertThat(browser.title()).doesNotContain("pwned");
  }

  /**
   * Time moves past the planned session's end; the coach records it with the next session agreed, the notes in the
   * confidential fields.
   */
  private void recordSession(String scenario, int number, LocalDate day, LocalDate next) {
    at(day, LocalTime.of(11, 35));
    tasklist.login("colin", PASSWORD);
    CamundaForm record = tasklist.open("Record the session");
    assertThat(record.text()).contains("Record session " + number);
    record.date("Date of the session", day)
        .time("Start time", LocalTime.of(10, 0))
        .time("End time", LocalTime.of(11, 30))
        .choose("Format", "Virtual")
        .type("Location or platform", "Microsoft Teams")
        .type("Key points and topics discussed", "CONFIDENTIAL-SESSION-" + number + ": the rota, and a difficult call")
        .type("Agreed goal for the session", "CONFIDENTIAL-GOAL-" + number)
        .type("Identified actions", "CONFIDENTIAL-ACTIONS-" + number)
        .date("Date of the next session", next)
        .time("Time of the next session", LocalTime.of(10, 0));
    browser.screenshot(scenario, "session-" + number + "-recorded");
    tasklist.complete();
    browser.await("session " + number + " to be saved", d -> jdbc.sql(
        "select count(*) from coaching_session where relationship_id = ? and number = ? and recorded_at is not null")
        .param(relationshipId).param(number).query(Long.class).single() == 1 ? true : null);
  }

  /** Cora opens the running relationship in Cockpit: she sees where it is, and no session content (scenario 4). */
  private void coordinatorSeesNoSessionContent(String scenario) {
    cockpit.login("cora", PASSWORD);
    for (String process : List.of("relationship", "sessions")) {
      String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(process)
          .variableValueEquals("relationshipId", relationshipId).singleResult().getId();
      cockpit.instance(instance);
      String variables = cockpit.variables();
      browser.screenshot("s4", scenario + "-" + process + "-variables");
      assertThat(variables).contains("No process variables").doesNotContain("CONFIDENTIAL");
      String tasks = cockpit.userTasks();
      browser.screenshot("s4", scenario + "-" + process + "-user-tasks");
      assertThat(tasks).doesNotContain("CONFIDENTIAL");
    }
  }

  /** The coach's three acknowledgements at the end of a contract draft, given anew for each version (CON-3). */
  private static void acknowledgeTheTerms(CamundaForm draft) {
    draft.check("I acknowledge the confidentiality terms and their exceptions")
        .check("I will work within the code of ethics")
        .check("We have agreed how records of our sessions are kept");
  }

  /**
   * The drafted contract goes round: the client reads it (with these goals, one most important, and not the one
   * left out) and signs with her acknowledgements, the coach signs, the sponsor reads the goals and agrees them.
   */
  private void everyoneSigns(String scenario, String step, List<String> goals, String leftOut) {
    tasklist.login("clara", PASSWORD);
    CamundaForm review = tasklist.open("Review and sign the contract");
    assertThat(review.text()).contains(goals).contains("most important").doesNotContain(leftOut);
    review.choose("Your answer", "I sign the contract")
        .check("I acknowledge the confidentiality terms and their exceptions")
        .check("I will work within the code of ethics");
    browser.screenshot(scenario, step + "client-signs");
    tasklist.complete();

    tasklist.login("colin", PASSWORD);
    tasklist.open("Sign the contract").choose("Your answer", "I sign the contract");
    browser.screenshot(scenario, step + "coach-signs");
    tasklist.complete();

    tasklist.login("sam", PASSWORD);
    CamundaForm agree = tasklist.open("Agree the goals");
    assertThat(agree.text()).contains(goals);
    agree.choose("Your answer", "I agree the goals");
    browser.screenshot(scenario, step + "sponsor-agrees");
    tasklist.complete();
  }

  /** Whether a task of the relationship's (or one of its sub-processes') is still open at that activity. */
  private boolean stillOpen(String activityId) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey(activityId)
        .processVariableValueEquals("relationshipId", relationshipId).count() > 0;
  }

  private long contracts() {
    return jdbc.sql("select count(*) from contract where relationship_id = ?").param(relationshipId)
        .query(Long.class).single();
  }

  /** Cora, a coordinator, finds the relationship in Cockpit at the activity of the phase it is in (scenario 4). */
  private void coordinatorFinds(String scenario, String activityId, String step) {
    cockpit.login("cora", PASSWORD).process("Coaching or mentoring relationship");
    browser.screenshot("s4", scenario + "-" + step);
    assertThat(cockpit.instancesAt(activityId)).as("instances at " + activityId).isEqualTo(1);
    phasesSeen.add(activityId);
  }
}
