package org.tandem.notification;

import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.tandem.common.EngineTime;
import org.tandem.identity.People;

/**
 * Reminders to people. Each one is kept (table {@code notification}) and, where a mail server is configured
 * ({@code spring.mail.host}) and the person has an email address, also sent by email. A failed email is logged and
 * never undoes the work that caused the reminder.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final JdbcClient jdbc;
  private final People people;
  private final ObjectProvider<JavaMailSender> mail;

  Notifications(JdbcClient jdbc, People people, ObjectProvider<JavaMailSender> mail) {
    this.jdbc = jdbc;
    this.people = people;
    this.mail = mail;
  }

  public void remind(String recipientId, String relationshipId, String subject, String body) {
    boolean emailed = email(recipientId, subject, body);
    jdbc.sql("""
            insert into notification (recipient_id, subject, body, relationship_id, created_at, emailed)
            values (:recipient, :subject, :body, :relationship, :at, :emailed)""")
        .param("recipient", recipientId).param("subject", subject).param("body", body)
        .param("relationship", relationshipId).param("at", Timestamp.from(EngineTime.now()))
        .param("emailed", emailed).update();
  }

  private boolean email(String recipientId, String subject, String body) {
    JavaMailSender sender = mail.getIfAvailable();
    String address = people.find(recipientId).map(People.Person::email).orElse(null);
    if (sender == null || address == null || address.isBlank()) {
      return false;
    }
    try {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setTo(address);
      message.setSubject(subject);
      message.setText(body);
      sender.send(message);
      return true;
    } catch (MailException e) {
      LOG.warn("Could not email the reminder '{}' to {}: {}", subject, recipientId, e.getMessage());
      return false;
    }
  }
}
