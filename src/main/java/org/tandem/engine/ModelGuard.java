package org.tandem.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Refuses, before anything of it is deployed, a deployment that would run code rather than a model: a resource other
 * than BPMN, DMN, Camunda Forms and diagrams; a script (task, listener, mapping or condition) in a language an
 * administrator has not enabled; a Java class named as a delegate; an expression that names a bean outside
 * {@link ModelBeans} or reaches a member of {@link ModelExpressions#DENIED_MEMBERS}. The message names the resource,
 * the element and what to change. Deployments read back into the cache on a restart are not checked again.
 */
final class ModelGuard implements Deployer {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final Set<String> ALLOWED_RESOURCES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form",
      ".png", ".svg");
  static final Set<String> EXPRESSION_LANGUAGES = Set.of("feel", "juel",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20180521/feel/", "http://www.omg.org/spec/dmn/20180521/feel/");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  /** A method called on a name: {@code ${lifecycleTimers.answerDue()}}; the name must be a bean of the product. */
  private static final Pattern CALL = Pattern.compile("(?<![.\\w$])([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\.\\s*"
      + "([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(");
  /** A delegate named by its bean: {@code ${countSession}}. */
  private static final Pattern DELEGATE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*}\\s*");
  /** The names the engine itself gives expressions, on which methods may be called. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
      "variableScope", "authenticatedUserId");
  private static final Pattern MEMBER = Pattern.compile("\\.\\s*([A-Za-z_$][A-Za-z0-9_$]*)|\\[\\s*['\"]([^'\"]+)['\"]");

  private final ModelBeans beans;
  private final EngineSettings settings;

  ModelGuard(ModelBeans beans, EngineSettings settings) {
    this.beans = beans;
    this.settings = settings;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(check(resource.getName(), resource.getBytes()));
    }
    if (!problems.isEmpty()) {
      throw new NotValidException("The deployment is refused: " + String.join(" ", problems));
    }
  }

  /** The problems of one resource, each a sentence naming the resource and the element. */
  List<String> check(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (ALLOWED_RESOURCES.stream().noneMatch(lower::endsWith)) {
      return List.of(name + " is neither a BPMN or DMN model, a Camunda Form nor a diagram; only those are "
          + "deployed.");
    }
    if (!lower.endsWith("xml") && !lower.endsWith(".bpmn") && !lower.endsWith(".dmn")) {
      return List.of();
    }
    Document document;
    try {
      document = parser().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      return List.of(name + " is not a well-formed model.");
    }
    List<String> problems = new ArrayList<>();
    walk(name, document.getDocumentElement(), null, problems);
    return problems;
  }

  private void walk(String resource, Element element, String within, List<String> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : within;
    String where = resource + (id == null ? "" : " (" + id + ")");
    String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    if (local.equals("scriptTask") || (local.equals("script") && CAMUNDA.equals(element.getNamespaceURI()))) {
      String language = element.getAttribute("scriptFormat");
      if (!settings.scriptsAllowed(language)) {
        problems.add(where + " has a script in '" + language + "'; scripts are off unless an administrator "
            + "enables the language with tandem.engine.script-languages.");
      }
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI()) || CAMUNDA.equals(element.getNamespaceURI());
      if (camunda && name.equals("class") && !attribute.getValue().isBlank()) {
        problems.add(where + " names the Java class '" + attribute.getValue() + "'; models call the product's "
            + "delegates by camunda:delegateExpression.");
      }
      if (camunda && name.equals("delegateExpression")) {
        Matcher bean = DELEGATE.matcher(attribute.getValue());
        if (bean.matches() && !beans.names().contains(bean.group(1))) {
          problems.add(where + " calls the delegate '" + bean.group(1) + "', which the product does not have; a "
              + "model names one of the product's delegates or listeners.");
        }
      }
      if (CAMUNDA.equals(attribute.getNamespaceURI()) && name.equals("resource")) {
        problems.add(where + " reads a script from '" + attribute.getValue() + "'; scripts are off.");
      }
      if ((name.equals("language") || name.equals("expressionLanguage") || name.equals("typeLanguage"))
          && !attribute.getValue().isBlank() && !name.equals("typeLanguage")
          && !EXPRESSION_LANGUAGES.contains(attribute.getValue().toLowerCase(Locale.ROOT))
          && !settings.scriptsAllowed(attribute.getValue())) {
        problems.add(where + " is written in '" + attribute.getValue() + "'; scripts are off unless an "
            + "administrator enables the language with tandem.engine.script-languages.");
      }
      expressions(where, attribute.getValue(), problems);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element nested) {
        walk(resource, nested, id, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        expressions(where, child.getNodeValue(), problems);
      }
    }
  }

  private void expressions(String where, String text, List<String> problems) {
    if (text == null || !EXPRESSION.matcher(text).find()) {
      return;
    }
    Tree tree;
    try {
      tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text.trim());
    } catch (TreeBuilderException e) {
      problems.add(where + " has an expression that cannot be read: " + text.trim());
      return;
    }
    for (IdentifierNode identifier : tree.getIdentifierNodes()) {
      if (beans.isOutOfReach(identifier.getName())) {
        problems.add(where + " names the bean '" + identifier.getName() + "', which models may not use; they "
            + "call the product's delegates and listeners only.");
      }
    }
    Matcher call = CALL.matcher(text);
    while (call.find()) {
      String name = call.group(1);
      if (!ENGINE_NAMES.contains(name) && !beans.isOutOfReach(name) && !beans.names().contains(name)) {
        problems.add(where + " calls '" + call.group(1) + "." + call.group(2) + "', but the product has no bean '"
            + name + "'; models call the product's delegates, listeners and timers by their bean names.");
      }
    }
    Matcher member = MEMBER.matcher(text);
    while (member.find()) {
      String name = member.group(1) != null ? member.group(1) : member.group(2);
      if (ModelExpressions.DENIED_MEMBERS.contains(name)) {
        problems.add(where + " reaches '" + name + "' in an expression, which models may not do.");
      }
    }
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder();
  }
}
