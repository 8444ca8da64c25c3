package org.tandem.contracting;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.tandem.common.Markdown;

/** A contract as the forms of the client, the coach and the sponsor show it: Markdown, the goals first. */
public final class ContractSummary {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

  private ContractSummary() {
  }

  /** The goals, numbered, the most important marked, each with what success looks like. */
  public static String goals(List<Goal> goals) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < goals.size(); i++) {
      Goal goal = goals.get(i);
      text.append(i + 1).append(". **").append(Markdown.text(goal.description())).append("**")
          .append(goal.mostImportant() ? " *(most important)*" : "")
          .append(" — success looks like: ").append(Markdown.text(goal.successMeasure())).append('\n');
    }
    return text.toString();
  }

  static String markdown(ContractDraft draft) {
    StringBuilder text = new StringBuilder();
    text.append("**Goals**\n\n").append(goals(draft.goals())).append('\n');
    text.append("**Practicalities**\n\n");
    text.append("- Start: ").append(DATE.format(draft.startDate())).append('\n');
    if (draft.plannedEndDate() != null) {
      text.append("- Planned end: ").append(DATE.format(draft.plannedEndDate())).append('\n');
    }
    if (draft.anticipatedMonths() != null) {
      text.append("- Anticipated length: ").append(draft.anticipatedMonths()).append(" months\n");
    }
    text.append("- Sessions agreed: ").append(draft.sessionsAgreed()).append(", ").append(Markdown.text(draft.frequency()))
        .append(", about ").append(draft.sessionMinutes()).append(" minutes each\n");
    if (draft.plannedDates() != null) {
      text.append("- Planned dates: ").append(Markdown.text(draft.plannedDates())).append('\n');
    }
    if (draft.firstSession() != null) {
      text.append("- First session: ").append(DATE_TIME.format(draft.firstSession())).append('\n');
    }
    text.append("- Format: ").append(format(draft.format())).append(", ").append(Markdown.text(draft.location()))
        .append(draft.format().usesCameras() ? " (cameras and platform agreed)" : "").append('\n');
    text.append("- Notice for changing a session: ").append(draft.noticeHours()).append(" hours\n\n");
    text.append("**Why this was chosen:** ").append(Markdown.text(draft.whyChosen())).append("\n\n");
    text.append("**Benefits to the organisation:** ").append(Markdown.text(draft.organisationBenefits())).append("\n\n");
    text.append("**The coach's expectations:** ").append(Markdown.text(draft.coachExpectations())).append("\n\n");
    text.append("**The client's expectations:** ").append(Markdown.text(draft.clientExpectations())).append("\n\n");
    text.append("**Confidentiality:** what is discussed stays between coach and client, except for illegal activity, ")
        .append("a risk of harm to the client or to others, or organisational values or policy being undermined. ")
        .append("Both work within the code of ethics. Session notes are kept in the programme's confidential store.");
    return text.toString();
  }

  private static String format(SessionFormat format) {
    return switch (format) {
      case VIRTUAL -> "virtual";
      case HYBRID -> "hybrid";
      case IN_PERSON -> "in person";
    };
  }
}
