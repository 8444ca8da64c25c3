package org.tandem.matching;

import java.util.Locale;
import org.tandem.common.Markdown;

/** A request as the chosen coach and a coordinator read it before they answer (Markdown). */
final class RequestSummary {

  private RequestSummary() {
  }

  static String markdown(CoachingRequest request) {
    StringBuilder text = new StringBuilder();
    text.append("**").append(request.kind() == org.tandem.relationship.Kind.COACHING ? "Coaching" : "Mentoring")
        .append("** for a client at ").append(Markdown.text(request.organisation())).append(".\n\n");
    text.append("**Development need:** ").append(Markdown.text(request.developmentNeed())).append("\n\n");
    if (request.draftGoals() != null) {
      text.append("**Goals so far:** ").append(Markdown.text(request.draftGoals())).append("\n\n");
    }
    if (request.preferredSpecialism() != null) {
      text.append("- Specialism: ").append(words(request.preferredSpecialism().name())).append('\n');
    }
    if (request.preferredFormat() != null) {
      text.append("- Format: ").append(words(request.preferredFormat().name())).append('\n');
    }
    if (request.preferredLocation() != null) {
      text.append("- Location: ").append(Markdown.text(request.preferredLocation())).append('\n');
    }
    text.append("- Sponsor: ").append(request.sponsorId() == null ? "none" : "nominated").append('\n');
    return text.toString();
  }

  private static String words(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
