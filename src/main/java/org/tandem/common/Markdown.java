package org.tandem.common;

/**
 * What people typed, made safe to place in the Markdown that Camunda Forms render (GitHub-flavoured, through
 * {@code marked}, whose HTML passes a sanitizer that still lets images and links through): a person's text shows
 * exactly as typed and can become neither markup, nor HTML, nor a link or an image, nor a template. Backslash escapes
 * (CommonMark allows one before any ASCII punctuation) take away every character that opens markup; the few that
 * matter only in some places (a list's number or dash at the start of a line, the {@code ://} and {@code www.} of an
 * autolink) are escaped there, so ordinary text keeps its commas, colons and full stops.
 */
public final class Markdown {

  private static final String ALWAYS = "\\`*_{}[]()#!|~<>&@=^\"";

  private Markdown() {
  }

  /** The text, escaped; null stays null. */
  public static String text(String typed) {
    if (typed == null) {
      return null;
    }
    StringBuilder escaped = new StringBuilder(typed.length() + 16);
    int lineStart = 0;
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        escaped.append('\n');
        lineStart = escaped.length();
        continue;
      }
      String line = escaped.substring(lineStart);
      boolean atLineStart = line.isBlank();
      boolean escape = ALWAYS.indexOf(c) >= 0
          || ((c == '-' || c == '+') && atLineStart)
          || (c == '.' && (line.strip().matches("\\d+") || line.toLowerCase(java.util.Locale.ROOT).endsWith("www")))
          || (c == ':' && typed.startsWith("//", i + 1));
      if (escape) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
