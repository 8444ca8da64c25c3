package org.tandem.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.tandem.common.NotPermittedException;
import org.tandem.common.TaskOffers;

/**
 * Keeps every user task with the people its model names, whoever changes it and through whichever door: on each
 * assignment and update, the assignee and the owner must be the person of the model's assignee expression, one of its
 * candidate users or a member of one of its candidate groups, and the task is offered to no one the model does not
 * offer it to (or a product operation offered it to, see {@link TaskOffers}). Added to every user task of every model by {@link AssignmentRules}, so no model can leave it out and no
 * caller can skip it.
 */
final class AssignmentGuard implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return;
    }
    TaskDefinition definition = entity.getTaskDefinition();
    Set<String> groups = values(definition.getCandidateGroupIdExpressions(), task);
    if (task.getVariableLocal(TaskOffers.ALSO_OFFERED_TO) instanceof String also) {
      groups.add(also);
    }
    Model model = new Model(value(definition.getAssigneeExpression(), task),
        values(definition.getCandidateUserIdExpressions(), task), groups);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    require(task, task.getAssignee(), model, identity);
    require(task, task.getOwner(), model, identity);
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null && !model.users().contains(link.getUserId())
          && !link.getUserId().equals(model.assignee())) {
        throw new NotPermittedException("The task '" + task.getName() + "' is offered only to the people its model "
            + "names; '" + link.getUserId() + "' is not one of them.");
      }
      if (link.getGroupId() != null && !model.groups().contains(link.getGroupId())) {
        throw new NotPermittedException("The task '" + task.getName() + "' is offered only to the groups its model "
            + "names; '" + link.getGroupId() + "' is not one of them.");
      }
    }
  }

  /** Who the model gives the task to, as its expressions say now. */
  record Model(String assignee, Set<String> users, Set<String> groups) {

    boolean allows(String person, IdentityService identity) {
      if (person.equals(assignee) || users.contains(person)) {
        return true;
      }
      for (String group : groups) {
        if (identity.createUserQuery().userId(person).memberOfGroup(group).count() > 0) {
          return true;
        }
      }
      return false;
    }
  }

  private static void require(DelegateTask task, String person, Model model, IdentityService identity) {
    if (person != null && !model.allows(person, identity)) {
      throw new NotPermittedException("The task '" + task.getName() + "' goes to the people its model names; '"
          + person + "' is not one of them.");
    }
  }

  private static String value(Expression expression, DelegateTask task) {
    Object value = evaluate(expression, task);
    return value == null ? null : value.toString();
  }

  /** An expression's value now; one whose variable is gone (the sponsor withdrew) names no one. */
  private static Object evaluate(Expression expression, DelegateTask task) {
    if (expression == null) {
      return null;
    }
    try {
      return expression.getValue(task);
    } catch (ProcessEngineException e) {
      return null;
    }
  }

  private static Set<String> values(Collection<Expression> expressions, DelegateTask task) {
    Set<String> values = new LinkedHashSet<>();
    for (Expression expression : expressions) {
      Object value = evaluate(expression, task);
      if (value instanceof Collection<?> many) {
        many.forEach(one -> values.add(String.valueOf(one).trim()));
      } else if (value != null) {
        for (String one : value.toString().split(",")) {
          if (!one.isBlank()) {
            values.add(one.trim());
          }
        }
      }
    }
    return values;
  }
}
