package org.tandem.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.common.EngineTime;
import org.tandem.identity.People;

/**
 * Sends what the outbox holds once it is due, one notification (or one person's batch of new tasks) per short
 * transaction. The row is locked while it is sent ({@code FOR UPDATE SKIP LOCKED}), so several nodes work the same
 * outbox and each notification is sent once. A failed send is tried again later, each wait twice the one before, and
 * after the last attempt the notification is marked {@code FAILED} for coordinators; the work that caused it stands.
 */
@Component
class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  /** At most so many sends per run, so one run never holds a node for long. */
  static final int SENDS_PER_RUN = 500;

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final People people;
  private final MailComposer composer;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationSettings settings;

  OutboxWorker(JdbcClient jdbc, Outbox outbox, TransactionTemplate transactions, People people, MailComposer composer,
      ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.transactions = transactions;
    this.people = people;
    this.composer = composer;
    this.mail = mail;
    this.settings = settings;
  }

  /** Sends every notification that is due now; answers how many mails went out. */
  int sendDue() {
    int mails = 0;
    for (int run = 0; run < SENDS_PER_RUN; run++) {
      Integer sent = transactions.execute(status -> sendNext());
      if (sent == null || sent < 0) {
        break;
      }
      mails += sent;
    }
    return mails;
  }

  /** Claims the next due notification and delivers it: 1 if a mail went out, 0 if not, -1 if nothing was due. */
  private int sendNext() {
    Instant now = EngineTime.now();
    Optional<Outbox.Entry> next = jdbc.sql("""
            select * from notification where state = 'PENDING' and send_after <= :now
            order by send_after, id fetch first 1 rows only for update skip locked""")
        .param("now", Timestamp.from(now)).query((rs, n) -> outbox.entry(rs)).optional();
    if (next.isEmpty()) {
      return -1;
    }
    List<Outbox.Entry> batch = new ArrayList<>(List.of(next.get()));
    if (next.get().kind() == Notice.Kind.NEW_TASK) {
      batch.addAll(jdbc.sql("""
              select * from notification where state = 'PENDING' and send_after <= :now and kind = 'NEW_TASK'
                and recipient_id = :recipient and id <> :id
              order by send_after, id for update skip locked""")
          .param("now", Timestamp.from(now)).param("recipient", next.get().recipientId())
          .param("id", next.get().id()).query((rs, n) -> outbox.entry(rs)).list());
    }
    return deliver(batch, now) ? 1 : 0;
  }

  private boolean deliver(List<Outbox.Entry> batch, Instant now) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      mark(batch, Outbox.KEPT, now, null, 0);
      return false;
    }
    Optional<People.Person> person = people.find(batch.get(0).recipientId())
        .filter(found -> found.email() != null && !found.email().isBlank());
    if (person.isEmpty()) {
      mark(batch, Outbox.NO_ADDRESS, now, "No email address", 0);
      return false;
    }
    try {
      MimeMessage message = composer.compose(sender, person.get(), batch);
      sender.send(message);
      mark(batch, Outbox.SENT, now, null, 1);
      return true;
    } catch (MessagingException | RuntimeException e) {
      int attempts = batch.get(0).attempts() + 1;
      String error = Outbox.shorten(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 500);
      if (attempts >= settings.maxAttempts()) {
        LOG.warn("Gave up sending notification {} to {} after {} attempts: {}", batch.get(0).id(),
            batch.get(0).recipientId(), attempts, error);
        mark(batch, Outbox.FAILED, now, error, 1);
      } else {
        LOG.info("Could not send notification {} (attempt {} of {}), trying again later: {}", batch.get(0).id(),
            attempts, settings.maxAttempts(), error);
        for (Outbox.Entry entry : batch) {
          jdbc.sql("""
                  update notification set attempts = attempts + 1, last_error = :error, send_after = :later
                  where id = :id""")
              .param("error", error).param("later", Timestamp.from(now.plus(settings.retryAfter(attempts))))
              .param("id", entry.id()).update();
        }
      }
      return false;
    }
  }

  private void mark(List<Outbox.Entry> batch, String state, Instant now, String error, int attempt) {
    for (Outbox.Entry entry : batch) {
      jdbc.sql("""
              update notification set state = :state, attempts = attempts + :attempt, last_error = :error,
                sent_at = :sentAt, emailed = :emailed
              where id = :id""")
          .param("state", state).param("attempt", attempt).param("error", error)
          .param("sentAt", Outbox.SENT.equals(state) ? Timestamp.from(now) : null)
          .param("emailed", Outbox.SENT.equals(state)).param("id", entry.id()).update();
    }
  }
}
