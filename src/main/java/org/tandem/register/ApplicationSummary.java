package org.tandem.register;

import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.common.Markdown;

/** An application as the coordinator or the assessor reads it (Markdown). */
final class ApplicationSummary {

  private ApplicationSummary() {
  }

  static String markdown(Application application, RegisterService.Route route) {
    ProfileDetails details = application.details();
    StringBuilder text = new StringBuilder();
    text.append("**").append(Markdown.text(application.firstName())).append(' ')
        .append(Markdown.text(application.lastName())).append("** (")
        .append(Markdown.text(application.userId())).append(", ").append(Markdown.text(application.email()))
        .append("), ").append(Markdown.text(details.organisation())).append(".\n\n");
    text.append("- Applies as: ").append(application.coach() && application.mentor() ? "coach and mentor"
        : application.coach() ? "coach" : "mentor").append('\n');
    text.append("- Qualification: ").append(words(details.qualification().name()));
    if (details.qualificationDetails() != null) {
      text.append(" (").append(Markdown.text(details.qualificationDetails())).append(')');
    }
    text.append('\n');
    text.append("- Trained supervisor: ").append(details.trainedSupervisor() ? "yes" : "no").append('\n');
    text.append("- Fees: ").append(details.chargesFees() ? Markdown.text(details.fees()) : "none").append('\n');
    text.append("- Specialisms: ").append(details.specialisms().stream().map(s -> words(s.name()))
        .collect(Collectors.joining(", "))).append('\n');
    text.append("- Formats: ").append(details.formats().stream().map(f -> words(f.name()))
        .collect(Collectors.joining(", "))).append('\n');
    text.append("- Capacity: ").append(details.capacity()).append(" clients at once\n\n");
    text.append(switch (route) {
      case QUALIFIED -> "The qualification admits a coach: approve the application or refuse it, saying why.";
      case INTERVIEW -> "Without a qualification that admits a coach, a competency interview decides.";
      case MENTOR -> "A mentor joins on the ethics declaration.";
    });
    return text.toString();
  }

  private static String words(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
