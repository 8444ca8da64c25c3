package org.tandem.common;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the product's code relies on in one model, declared beside the code that relies on it (a capability's
 * {@code *Delegates} configuration, as a bean): the elements it finds by id (a task it completes or queries, a
 * message it sends) and the variables its facade reads that people produce through the model's forms or its
 * mappings. A deployment of the model that no longer has one of them is refused, naming what is missing, so an
 * administrator's change in Camunda Modeler cannot break a running programme silently.
 *
 * @param processKey the model's process id
 * @param elements the ids of elements the code names
 * @param messages the names of messages the code sends to the model
 * @param variables the names of variables the code reads that a form field, an output mapping or a called process
 *     of the model must produce
 * @param reliedOnBy who relies on them, for the refusal's message ({@code "relationship: ending early by API"})
 */
public record ModelContract(String processKey, Set<String> elements, Set<String> messages, Set<String> variables,
    String reliedOnBy) {

  public ModelContract {
    elements = Set.copyOf(elements);
    messages = Set.copyOf(messages);
    variables = Set.copyOf(variables);
  }

  /** An empty contract for the model of this key, to which the code's needs are added. */
  public static ModelContract of(String processKey, String reliedOnBy) {
    return new ModelContract(processKey, Set.of(), Set.of(), Set.of(), reliedOnBy);
  }

  public ModelContract elements(String... ids) {
    return new ModelContract(processKey, plus(elements, ids), messages, variables, reliedOnBy);
  }

  public ModelContract messages(String... names) {
    return new ModelContract(processKey, elements, plus(messages, names), variables, reliedOnBy);
  }

  public ModelContract variables(String... names) {
    return new ModelContract(processKey, elements, messages, plus(variables, names), reliedOnBy);
  }

  private static Set<String> plus(Set<String> set, String... more) {
    Set<String> all = new LinkedHashSet<>(set);
    all.addAll(Set.of(more));
    return all;
  }
}
