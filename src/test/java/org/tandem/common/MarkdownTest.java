package org.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What people type, escaped for the Markdown of Camunda Forms: shown as typed, never markup, HTML or a link. */
class MarkdownTest {

  @Test
  @DisplayName("HTML, links, images, emphasis, code and templates are escaped")
  void markup_is_escaped() {
    assertThat(Markdown.text("<img src=x onerror=alert(1)>")).isEqualTo("\\<img src\\=x onerror\\=alert\\(1\\)\\>");
    assertThat(Markdown.text("[CV](https://evil.example) ![](x.png)"))
        .isEqualTo("\\[CV\\]\\(https\\://evil.example\\) \\!\\[\\]\\(x.png\\)");
    assertThat(Markdown.text("*a* _b_ `c` ~d~ {{e}} a|b & f@g")).isEqualTo(
        "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\{\\{e\\}\\} a\\|b \\& f\\@g");
  }

  @Test
  @DisplayName("a line cannot become a heading, a list or an autolink, and ordinary text keeps its punctuation")
  void line_starts_and_autolinks() {
    assertThat(Markdown.text("# Heading\n- item\n+ item\n12. item\n===")).isEqualTo(
        "\\# Heading\n\\- item\n\\+ item\n12\\. item\n\\=\\=\\=");
    assertThat(Markdown.text("see www.evil.example")).isEqualTo("see www\\.evil.example");
    assertThat(Markdown.text("Tuesdays, 10:00 - in person. Well-being.")).isEqualTo(
        "Tuesdays, 10:00 - in person. Well-being.");
    assertThat(Markdown.text(null)).isNull();
  }
}
