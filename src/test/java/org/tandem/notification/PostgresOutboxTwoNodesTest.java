package org.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.common.LifecycleSettings;
import org.tandem.identity.People;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;

/**
 * Two application nodes on one PostgreSQL work the same outbox: each node is an application context of its own,
 * with its own connection pool, transaction manager, worker and mail sender, as on two servers. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so every notification is mailed once.
 */
@RequiresPostgres
class PostgresOutboxTwoNodesTest {

  static final int NOTIFICATIONS = 300;

  static GreenMail smtp;
  static String schema;
  static final List<GenericApplicationContext> NODES = new ArrayList<>();

  @BeforeAll
  static void twoNodes() {
    smtp = Mailbox.server();
    schema = PostgresExtension.schema(PostgresOutboxTwoNodesTest.class);
    Flyway.configure().dataSource(PostgresExtension.url(schema), PostgresExtension.user(),
        PostgresExtension.password()).locations("classpath:db/migration").load().migrate();
    for (int node = 0; node < 2; node++) {
      NODES.add(node(smtp.getSmtp().getPort()));
    }
  }

  @AfterAll
  static void stop() {
    NODES.forEach(GenericApplicationContext::close);
    smtp.stop();
  }

  private static GenericApplicationContext node(int smtpPort) {
    AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext();
    node.registerBean(DataSource.class, () -> {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(PostgresExtension.url(schema));
      pool.setUsername(PostgresExtension.user());
      pool.setPassword(PostgresExtension.password());
      pool.setMaximumPoolSize(4);
      return pool;
    });
    node.registerBean(JdbcClient.class, () -> JdbcClient.create(node.getBean(DataSource.class)));
    node.registerBean(TransactionTemplate.class,
        () -> new TransactionTemplate(new DataSourceTransactionManager(node.getBean(DataSource.class))));
    node.registerBean(NotificationSettings.class, () -> new NotificationSettings("https://tandem.example.org",
        "Tandem <tandem@example.org>", Duration.ofSeconds(10), true, 5, Duration.ofMinutes(1), Duration.ofDays(2),
        Duration.ofDays(1), LocalTime.of(7, 30)));
    node.registerBean(LifecycleSettings.class, () -> new LifecycleSettings(Duration.ofHours(48), Duration.ofDays(7), 4,
        Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(14),
        ZoneId.of("Europe/London")));
    node.registerBean(People.class, () -> new People() {
      @Override
      public Optional<Person> find(String userId) {
        return Optional.of(new Person(userId, "Person", userId, userId + "@example.org"));
      }

      @Override
      public boolean hasRole(String userId, String role) {
        return false;
      }

      @Override
      public List<Person> withRole(String role) {
        return List.of();
      }
    });
    node.registerBean(JavaMailSender.class, () -> {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(smtpPort);
      return sender;
    });
    node.registerBean(ObjectMapper.class, () -> new ObjectMapper());
    node.registerBean(Outbox.class);
    node.registerBean(MailComposer.class);
    node.registerBean(OutboxWorker.class);
    node.refresh();
    return node;
  }

  @Test
  @DisplayName("two nodes working one outbox on PostgreSQL mail each notification once")
  void two_nodes_mail_each_notification_once() throws Exception {
    Outbox outbox = NODES.get(0).getBean(Outbox.class);
    TransactionTemplate transactions = NODES.get(0).getBean(TransactionTemplate.class);
    transactions.executeWithoutResult(status -> {
      for (int i = 0; i < NOTIFICATIONS; i++) {
        outbox.enqueue(new Notice("two-nodes:" + i, Notice.Kind.MESSAGE, "person" + (i % 40),
            "Message " + i, null, null, Map.of("text", "Number " + i), null));
      }
    });

    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int worker = 0; worker < 4; worker++) {
      OutboxWorker node = NODES.get(worker % 2).getBean(OutboxWorker.class);
      runs.add(threads.submit((Callable<Integer>) node::sendDue));
    }
    List<Integer> sentByEach = new ArrayList<>();
    for (Future<Integer> run : runs) {
      sentByEach.add(run.get());
    }
    threads.shutdown();

    List<String> subjects = Mailbox.received(smtp).stream().map(Mailbox.Mail::subject).toList();
    System.out.println("Mails sent by each of 4 workers on 2 nodes: " + sentByEach);
    assertThat(subjects).hasSize(NOTIFICATIONS).doesNotHaveDuplicates();
    assertThat(sentByEach.stream().mapToInt(Integer::intValue).sum()).isEqualTo(NOTIFICATIONS);
    assertThat(sentByEach.stream().filter(sent -> sent > 0).count()).as("both nodes took part").isGreaterThan(1);
    Map<String, Long> states = NODES.get(1).getBean(JdbcClient.class)
        .sql("select state from notification where cause_key like 'two-nodes:%'").query(String.class).list()
        .stream().collect(Collectors.groupingBy(state -> state, Collectors.counting()));
    assertThat(states).containsExactly(Map.entry(Outbox.SENT, (long) NOTIFICATIONS));
  }
}
