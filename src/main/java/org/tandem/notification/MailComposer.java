package org.tandem.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.tandem.common.EngineTime;
import org.tandem.common.LifecycleSettings;
import org.tandem.identity.People;

/**
 * Turns the outbox's rows into mails: plain text and HTML from the kind's templates under {@code templates/mail},
 * and for a session its calendar invitation. Times are shown in the programme's time zone.
 */
@Component
class MailComposer {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  private final NotificationSettings settings;
  private final People people;
  private final ZoneId zone;

  MailComposer(NotificationSettings settings, LifecycleSettings lifecycle, People people) {
    this.settings = settings;
    this.people = people;
    this.zone = lifecycle.zone();
    try {
      from();
    } catch (AddressException e) {
      throw new IllegalArgumentException("tandem.notifications.from is not a mail address: " + settings.from(), e);
    }
    templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** The subject, text and HTML of a mail, as the templates render them. */
  record Rendered(String subject, String text, String html) {
  }

  MimeMessage compose(JavaMailSender sender, People.Person person, List<Outbox.Entry> batch)
      throws MessagingException {
    Rendered rendered = render(person, batch);
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    InternetAddress from = from();
    helper.setFrom(from);
    helper.setTo(address(person));
    helper.setSubject(rendered.subject());
    helper.setText(rendered.text(), rendered.html());
    Outbox.Entry first = batch.get(0);
    if (first.kind() == Notice.Kind.SESSION_INVITE) {
      boolean cancelled = Boolean.TRUE.equals(first.params().get("cancelled"));
      String ics = CalendarInvites.ics(invite(first, person, from, rendered.subject()));
      helper.addAttachment(cancelled ? "cancelled-session.ics" : "session.ics",
          new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)),
          "text/calendar; charset=UTF-8; method=" + (cancelled ? "CANCEL" : "REQUEST"));
    }
    return message;
  }

  /** What the mail of a batch says: one notification, or a person's new tasks together. */
  Rendered render(People.Person person, List<Outbox.Entry> batch) {
    Outbox.Entry first = batch.get(0);
    Context context = new Context(Locale.UK);
    context.setVariable("name", person.displayName());
    context.setVariable("baseUrl", settings.baseUrl());
    context.setVariable("tasklist", settings.baseUrl() + "/camunda/app/tasklist/");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Outbox.Entry entry : batch) {
      items.add(item(entry));
    }
    context.setVariable("items", items);
    context.setVariable("item", items.get(0));
    String template = first.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String subject = first.kind() == Notice.Kind.NEW_TASK && batch.size() > 1
        ? batch.size() + " new tasks are waiting for you" : first.subject();
    context.setVariable("subject", subject);
    return new Rendered(subject, templates.process(template + ".txt", context),
        templates.process(template + ".html", context));
  }

  /** What the templates may ask of an item; those a notification does not have are null. */
  private static final List<String> FIELDS = List.of("taskName", "taskId", "due", "dueShown", "when", "link",
      "relationshipId", "holder", "processInstanceId", "number", "start", "startShown", "previousStartShown",
      "minutes", "format", "formatShown", "location", "cancelled", "text");

  private Map<String, Object> item(Outbox.Entry entry) {
    Map<String, Object> item = new HashMap<>();
    FIELDS.forEach(field -> item.put(field, null));
    item.putAll(entry.params());
    item.put("subject", entry.subject());
    item.put("relationshipId", entry.relationshipId());
    if (entry.taskId() != null) {
      item.put("link", settings.taskLink(entry.taskId()));
    }
    if (item.get("holderId") instanceof String holder) {
      item.put("holder", people.find(holder).map(People.Person::displayName).orElse(holder));
    } else if (item.get("holderGroups") instanceof String groups) {
      item.put("holder", "the group " + groups);
    }
    if (item.get("format") instanceof String format) {
      item.put("formatShown", formatName(format));
    }
    for (String time : List.of("due", "start", "previousStart")) {
      if (item.get(time) instanceof String iso) {
        item.put(time + "Shown", WHEN.format(Instant.parse(iso).atZone(zone)));
      }
    }
    return item;
  }

  private CalendarInvites.Invite invite(Outbox.Entry entry, People.Person person, InternetAddress from,
      String subject) {
    Map<String, Object> p = entry.params();
    String location = p.get("location") == null ? null : String.valueOf(p.get("location"));
    String format = p.get("format") == null ? null : String.valueOf(p.get("format"));
    String where = format == null ? location : location == null ? formatName(format)
        : formatName(format) + ": " + location;
    return new CalendarInvites.Invite((String) p.get("uid"), ((Number) p.get("sequence")).intValue(),
        Boolean.TRUE.equals(p.get("cancelled")), Instant.parse((String) p.get("start")),
        ((Number) p.get("minutes")).intValue(), subject,
        "Session " + p.get("number") + " of coaching relationship " + entry.relationshipId()
            + (format == null ? "" : ", " + formatName(format).toLowerCase(Locale.UK)) + ".",
        where, from.getAddress(), from.getPersonal(), person.email(), person.displayName(), EngineTime.now());
  }

  static String formatName(String format) {
    return switch (format) {
      case "VIRTUAL" -> "Virtual";
      case "HYBRID" -> "Hybrid";
      case "IN_PERSON" -> "In person";
      default -> format;
    };
  }

  private InternetAddress from() throws AddressException {
    return new InternetAddress(settings.from(), true);
  }

  private static InternetAddress address(People.Person person) throws MessagingException {
    try {
      return new InternetAddress(person.email(), person.displayName(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("Cannot encode the name of " + person.id(), e);
    }
  }
}
