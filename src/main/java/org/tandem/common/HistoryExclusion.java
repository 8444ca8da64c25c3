package org.tandem.common;

import java.util.Set;

/**
 * Variables the engine's history never holds, declared as a bean by the capability that sets them: lists of other
 * people shown to someone to choose from (a shortlist, the sponsors to name), which concern those others, not the
 * process. They live only in the running process, so they go with it; a person's erasure finds them among the
 * running processes and never has to search the history of every request for them.
 *
 * @param variables the names of the variables
 * @param why what they are, for the reader of the configuration
 */
public record HistoryExclusion(Set<String> variables, String why) {

  public HistoryExclusion {
    variables = Set.copyOf(variables);
  }
}
