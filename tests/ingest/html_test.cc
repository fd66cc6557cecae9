// HTML extraction: article text without page furniture, exact offsets through entities, and
// metadata (title, canonical URL, publication date).
#include <gtest/gtest.h>

#include "ingest/internal.h"
#include "testing.h"

namespace communique::ingest {
namespace {

// Every text byte that is not a separator or an entity maps to the same byte in the HTML.
void ExpectOffsetsExact(const HtmlPage& p, std::string_view html) {
  ASSERT_EQ(p.text_to_raw.size(), p.text.size() + 1);
  for (size_t i = 0; i < p.text.size(); ++i) {
    ASSERT_LT(p.text_to_raw[i], html.size());
    char c = p.text[i], h = html[p.text_to_raw[i]];
    if (c == ' ' || c == '\n' || h == '&') continue;
    ASSERT_EQ(c, h) << "text byte " << i << " maps to html byte " << p.text_to_raw[i];
  }
}

TEST(IngestHtml, DropsFurnitureKeepsParagraphs) {
  std::string html = R"(<html><head><title>Site | Story</title>
<meta property="og:title" content="CSTO summit opens">
<link rel="canonical" href="https://www.example.com/news/1">
<script>document.write("<p>script</p>")</script><style>.a{}</style></head>
<body>
<header class="site-header"><a href="/">Logo</a> Site name</header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<div id="cookie-consent">We use cookies. <button>Accept</button></div>
<main><article>
<h1>CSTO   summit
opens</h1>
<p>Leaders met in <a href="/astana">Astana</a> on Thursday.</p>
<div class="ad-slot">Buy now</div>
<p>They signed a declaration.<br>Second line.</p>
<div class="social-share"><a href="#">Facebook</a><a href="#">X</a></div>
<ul class="list"><li>First point</li><li>Second point</li></ul>
</article></main>
<section class="related-stories"><h2>Read more</h2><a href="/2">Another story</a></section>
<div><a href="/x">Link one</a> <a href="/y">Link two</a> <a href="/z">Link three</a> and</div>
<aside>Sidebar</aside>
<div id="comments">Great article!</div>
<footer>(c) 2024</footer>
</body></html>)";
  HtmlPage p = ExtractHtml(html);
  EXPECT_EQ(p.text,
            "CSTO summit opens\n\nLeaders met in Astana on Thursday.\n\nThey signed a declaration.\n"
            "Second line.\n\nFirst point\nSecond point");
  EXPECT_EQ(p.title, "CSTO summit opens");
  EXPECT_EQ(p.url, "https://www.example.com/news/1");
  EXPECT_FALSE(p.published);
  ExpectOffsetsExact(p, html);
  size_t astana = p.text.find("Astana");
  EXPECT_EQ(html.substr(p.text_to_raw[astana], 6), "Astana");
  EXPECT_EQ(p.text_to_raw.back(), html.find("Second point") + 12);
}

TEST(IngestHtml, EntitiesAndCarriageReturnsKeepOffsets) {
  std::string html =
      "<p>AT&amp;T &lt;b&gt; caf&eacute; &#233;&#x41; &nbsp;x &notit &copy 5&euro;\r\nend&bogus; &</p>";
  HtmlPage p = ExtractHtml(html);
  EXPECT_EQ(p.text, "AT&T <b> caf\xC3\xA9 \xC3\xA9" "A \xC2\xA0x \xC2\xACit \xC2\xA9 5\xE2\x82\xAC end&bogus; &");
  ExpectOffsetsExact(p, html);
  size_t amp = p.text.find('&');
  EXPECT_EQ(html.substr(p.text_to_raw[amp], 5), "&amp;");
  size_t t = p.text.find("T <");
  EXPECT_EQ(html[p.text_to_raw[t]], 'T');
  EXPECT_EQ(html.substr(p.text_to_raw[t + 2], 4), "&lt;");
  size_t euro = p.text.find("\xE2\x82\xAC");
  for (int k = 0; k < 3; ++k) EXPECT_EQ(html.substr(p.text_to_raw[euro + k], 6), "&euro;");
  size_t end = p.text.find("end");
  EXPECT_EQ(html.substr(p.text_to_raw[end], 3), "end");
  size_t bogus = p.text.find("bogus");
  EXPECT_EQ(html.substr(p.text_to_raw[bogus], 5), "bogus");
}

TEST(IngestHtml, PublicationDateSources) {
  struct Case {
    const char* head;
    const char* body;
    const char* date;
  } cases[] = {
      {R"(<meta property="article:published_time" content="2024-11-28T10:00:00+03:00">)", "", "2024-11-28"},
      {R"(<meta name="pubdate" content="2024-11-27"><meta property="article:published_time" content="2024-11-28T10:00:00Z">)", "", "2024-11-28"},
      {R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-12-08T09:00:00Z"}]}</script>)", "", "2025-12-08"},
      {"", R"(<p>Text <time datetime="2024-03-01">March 1</time></p>)", "2024-03-01"},
      {"", R"(<span itemprop="datePublished" content="2023-07-04">July 4</span>)", "2023-07-04"},
      {R"(<meta name="date" content="not a date">)", "<p>x</p>", nullptr},
      {R"(<script type="application/ld+json">{broken</script>)", "<p>x</p>", nullptr},
  };
  for (const auto& c : cases) {
    std::string html = std::string("<html><head>") + c.head + "</head><body>" + c.body + "</body></html>";
    HtmlPage p = ExtractHtml(html);
    if (c.date) {
      ASSERT_TRUE(p.published) << html;
      EXPECT_EQ(p.published->ToString(), c.date);
    } else {
      EXPECT_FALSE(p.published) << html;
    }
  }
}

TEST(IngestHtml, FileReaderFillsDocument) {
  std::string html = R"(<html><head><meta property="og:url" content="https://www.tass.com/politics/1">
<meta property="article:published_time" content="2025-12-08"><title>TASS</title></head>
<body><p>The CSTO Parliamentary Assembly met.</p></body></html>)";
  auto r = testing::ReadMemory(html, "pages/tass-1.html");
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.id, "tass-1");
  EXPECT_EQ(d.url, "https://www.tass.com/politics/1");
  EXPECT_EQ(d.outlet, "tass.com");
  EXPECT_EQ(d.title, "TASS");
  ASSERT_TRUE(d.published);
  EXPECT_EQ(d.published->ToString(), "2025-12-08");
  EXPECT_EQ(d.date_source, "html-meta");
  EXPECT_EQ(d.text, "The CSTO Parliamentary Assembly met.");
  EXPECT_EQ(d.raw, html);
}

TEST(IngestHtml, DetectedByContentWithoutExtension) {
  auto r = testing::ReadMemory("  \n<!doctype html><p>Hello</p>", "page");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].format, "html");
  EXPECT_EQ(r.docs[0].text, "Hello");
  r = testing::ReadMemory("\xEF\xBB\xBF<!doctype html><p>BOM first</p>", "bom.html");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "BOM first");
}

TEST(IngestHtml, SeedPagesRoundTrip) {
  for (int i = 0; i < 5; ++i) {
    std::string expected;
    std::string html = testing::SeedAsHtml(testing::Seed(i), &expected);
    HtmlPage p = ExtractHtml(html);
    EXPECT_EQ(p.text, expected) << "seed " << i;
    ExpectOffsetsExact(p, html);
  }
}

TEST(IngestHtml, DeepNestingDoesNotOverflowOrCrawl) {
  // gumbo alone needs minutes for this (quadratic in depth); extraction caps the depth it sees.
  std::string html;
  for (int i = 0; i < 200000; ++i) html += i % 2 ? "<div>" : "<span>";
  html += "deep text";
  for (int i = 0; i < 1000; ++i) html += "</div></span>";
  html += "<p>after</p>";
  HtmlPage p = ExtractHtml(html);
  EXPECT_EQ(p.text, "deep text\n\nafter");
}

}  // namespace
}  // namespace communique::ingest

namespace communique::ingest {
namespace {

// Found by fuzz_html: gumbo decodes an overflowing hexadecimal reference to a lone byte.
TEST(IngestHtml, OverflowingNumericReferenceGivesWellFormedText) {
  std::string html = "<p>signetit &#x0BBBBBBBBB is not directed against third countries</p>";
  HtmlPage p = ExtractHtml(html);
  EXPECT_EQ(FindInvalidUtf8(p.text), std::string_view::npos);
  EXPECT_TRUE(p.text.starts_with("signetit ")) << p.text;
  EXPECT_TRUE(p.text.ends_with(" is not directed against third countries")) << p.text;
  ASSERT_EQ(p.text_to_raw.size(), p.text.size() + 1);
  size_t is = p.text.find(" is not");
  EXPECT_EQ(html.substr(p.text_to_raw[is + 1], 6), "is not");
}

}  // namespace
}  // namespace communique::ingest

namespace communique::ingest {
namespace {

TEST(IngestHtml, FurnitureBetweenTextKeepsParagraphsApart) {
  std::string html =
      "<article><p>First part<div class=\"ad-slot\"><div>Buy <div>now</div></div> cheap</div>second part.</p>"
      "<p>Inline <span class=\"share-count\">42 shares</span>words <span hidden>secret</span>stay.</p>"
      "<DIV Class='Related-Stories'><div><a href=/x>Teaser</a></div></DIV><p>Last <img class=\"ad\" src=x>one.</p>"
      "<div class=\"newsletter\">unclosed to the end";
  HtmlPage p = ExtractHtml(html);
  EXPECT_EQ(p.text, "First part\n\nsecond part.\n\nInline words stay.\n\nLast one.");
  size_t second = p.text.find("second");
  EXPECT_EQ(html.substr(p.text_to_raw[second], 6), "second");
}

}  // namespace
}  // namespace communique::ingest
