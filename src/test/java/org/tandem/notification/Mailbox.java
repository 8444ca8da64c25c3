package org.tandem.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server in the test's JVM (GreenMail), and the mails it received as the tests read them. */
final class Mailbox {

  /** One received mail: to whom, its subject, its plain text, its HTML and its calendar file, if any. */
  record Mail(String to, String subject, String text, String html, String ics, String messageId) {

    String line() {
      return to + " | " + subject;
    }
  }

  private Mailbox() {
  }

  /** An SMTP server on a free port of the loopback, started; it runs until the JVM ends. */
  static GreenMail server() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return server;
  }

  static void register(DynamicPropertyRegistry registry, GreenMail server) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> server.getSmtp().getPort());
  }

  static List<Mail> received(GreenMail server) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      mails.add(read(message));
    }
    return mails;
  }

  static Mail read(MimeMessage message) {
    try {
      String[] parts = new String[3];
      collect(message, parts);
      return new Mail(((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
          .getAddress(), message.getSubject(), parts[0],
          parts[1], parts[2], message.getMessageID());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(Part part, String[] parts) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, parts);
      }
    } else if (part.isMimeType("text/plain")) {
      parts[0] = (String) part.getContent();
    } else if (part.isMimeType("text/html")) {
      parts[1] = (String) part.getContent();
    } else if (part.isMimeType("text/calendar")) {
      Object content = part.getContent();
      if (content instanceof String text) {
        parts[2] = text;
      } else {
        try (InputStream in = (InputStream) content) {
          parts[2] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
  }
}
