// Corpus readers: header blocks, JSON Lines names and field maps, HTML extraction, encodings,
// gzip, and how bad files are reported while the rest is read.
#include <byline/error.h>

#include "analysis/sentences.h"
#include "corpus/corpus.h"
#include "corpus/encoding.h"
#include "temp_dir.h"

#include <zlib.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

using byline::Diagnostic;
using byline::Document;
using byline::test::TempDir;
namespace corpus = byline::corpus;

namespace {

// Every field in order, so one golden string pins down a whole document.
std::string describe(const Document& d) {
    return "id=" + d.id + " | title=" + d.title + " | body=" + d.body + " | date=" + d.date +
           " | source=" + d.source + " | url=" + d.url + " | author=" + d.author +
           " | lang=" + d.lang + " | origin=" + d.origin;
}

std::string describe(const Diagnostic& d) {
    const char* kind = d.kind == Diagnostic::Kind::warning   ? "warning"
                       : d.kind == Diagnostic::Kind::skipped ? "skipped"
                                                             : "error";
    return std::string(kind) + " " + d.where + ": " + d.message;
}

struct Read {
    std::vector<Document> docs;
    std::vector<std::string> diagnostics;  // described

    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const Document& d : docs)
            out.push_back(d.id);
        return out;
    }
};

Read read(const std::vector<std::string>& paths, corpus::CorpusOptions options = {}) {
    Read r;
    corpus::read_corpus(
        paths, options, [&](Document&& d) { r.docs.push_back(std::move(d)); },
        [&](const Diagnostic& d) { r.diagnostics.push_back(describe(d)); });
    return r;
}

Document text(const std::string& content, bool markdown = false) {
    std::vector<Document> docs;
    corpus::read_plain_text(content, "a.txt", "dir/a.txt", markdown,
                            [&](Document&& d) { docs.push_back(std::move(d)); });
    REQUIRE(docs.size() == 1);
    return docs[0];
}

Read json_lines(const std::string& content, corpus::CorpusOptions options = {}) {
    Read r;
    corpus::read_json_lines(
        content, "feed.jsonl", "in/feed.jsonl", options,
        [&](Document&& d) { r.docs.push_back(std::move(d)); },
        [&](const Diagnostic& d) { r.diagnostics.push_back(describe(d)); });
    return r;
}

Document html(const std::string& content) {
    std::vector<Document> docs;
    corpus::read_html(
        content, "page.html", "in/page.html", [&](Document&& d) { docs.push_back(std::move(d)); },
        [](const Diagnostic& d) { FAIL("unexpected diagnostic: " << d.message); });
    REQUIRE(docs.size() == 1);
    return docs[0];
}

void write_gzip(const std::string& path, const std::string& content) {
    gzFile file = gzopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    REQUIRE(gzwrite(file, content.data(), static_cast<unsigned>(content.size())) ==
            static_cast<int>(content.size()));
    REQUIRE(gzclose(file) == Z_OK);
}

}  // namespace

TEST_CASE("corpus: a header block sets metadata; CRLF ends a line; blank lines become one",
          "[corpus]") {
    Document d = text(
        "Title: Peace talks resume\r\nDate: 2025-11-20\r\nsource: Reuters\r\nURL: "
        "https://example.com/a?x=1\r\nAuthor: Jane Roe\r\nLanguage: English\r\nID: story-1\r\n"
        "\r\n\r\nFirst paragraph.  \r\n\r\n\r\n  Second paragraph.\r\n\r\n");
    CHECK(describe(d) ==
          "id=story-1 | title=Peace talks resume | body=First paragraph.\n\nSecond paragraph. | "
          "date=2025-11-20 | source=Reuters | url=https://example.com/a?x=1 | author=Jane Roe | "
          "lang=en | origin=dir/a.txt");
}

TEST_CASE("corpus: without a header the first non-empty line is the title, the rest the body",
          "[corpus]") {
    Document d = text("\n\n  Headline here  \n\n\nBody one.\nBody two.\n");
    CHECK(describe(d) ==
          "id=a.txt | title=Headline here | body=Body one.\nBody two. | date= | source= | url= | "
          "author= | lang= | origin=dir/a.txt");
    CHECK(text("Only a title").body == "");
    CHECK(text("").title == "");
}

TEST_CASE("corpus: an article opening with a long lead paragraph gets its first sentence as title",
          "[corpus]") {
    const std::string lead =
        "Washington, D.C. \u2013 November 20, 2025 \u2013 In a significant escalation of U.S. "
        "diplomatic efforts to resolve the war, the president approved a plan that aims at a "
        "lasting ceasefire and security arrangements. A second sentence follows here.";
    Document d = text(lead + "\nNext paragraph.");
    CHECK(d.title.empty());  // the reader leaves it to the indexer (index::complete_title)
    CHECK(d.body == lead + "\nNext paragraph.");  // the lead is not lost from the body
    CHECK(byline::analysis::lead_title(d.body) ==
          "Washington, D.C. \u2013 November 20, 2025 \u2013 In a significant escalation of U.S. "
          "diplomatic efforts to resolve the war, the\u2026");
    CHECK(byline::analysis::lead_title("A short lead sentence. Then " + std::string(200, 'x') +
                                       "\nBody.") == "A short lead sentence.");
    CHECK(byline::analysis::lead_title("") == "");
}

TEST_CASE("corpus: a header without Title takes the first line after it as the title", "[corpus]") {
    Document d = text("date: 2025-11-26\nLANG: pt-BR\n\n\nHeadline\nBody");
    CHECK(d.date == "2025-11-26");
    CHECK(d.lang == "pt");
    CHECK(d.title == "Headline");
    CHECK(d.body == "Body");
}

TEST_CASE("corpus: a body opening with 'Note: x' or an unknown key is not eaten as a header",
          "[corpus]") {
    Document note = text("Note: this is not a header\nTitle: still body\n\nMore text");
    CHECK(note.title == "Note: this is not a header");
    CHECK(note.body == "Title: still body\n\nMore text");
    Document mixed = text("Title: A\nNote: b\n\nBody");
    CHECK(mixed.title == "Title: A");
    CHECK(mixed.body == "Note: b\n\nBody");
    Document no_blank = text("Date: 2025-01-02\nBody text right away");
    CHECK(no_blank.date == "");
    CHECK(no_blank.title == "Date: 2025-01-02");
}

TEST_CASE("corpus: Markdown titles lose '#', '**' and a Setext underline", "[corpus]") {
    CHECK(text("## **Big news** \n\nText.", true).title == "Big news");
    CHECK(text("#Tight\nText.", true).title == "Tight");
    Document setext = text("Headline\n=====\n\nText.", true);
    CHECK(setext.title == "Headline");
    CHECK(setext.body == "Text.");
    CHECK(text("## Plain text keeps hashes").title == "## Plain text keeps hashes");
}

TEST_CASE("corpus: format_of reads the extension case-insensitively and looks through .gz",
          "[corpus]") {
    CHECK(corpus::format_of("a/b.txt") == "text");
    CHECK(corpus::format_of("B.MD") == "markdown");
    CHECK(corpus::format_of("c.markdown") == "markdown");
    CHECK(corpus::format_of("feed.JSONL.gz") == "jsonl");
    CHECK(corpus::format_of("feed.ndjson") == "jsonl");
    CHECK(corpus::format_of("page.htm") == "html");
    CHECK(corpus::format_of("dir.html/page.HTML.GZ") == "html");
    CHECK(corpus::format_of("notes.pdf") == "");
    CHECK(corpus::format_of("archive.gz") == "");
    CHECK(corpus::format_of("txt") == "");
}

TEST_CASE("corpus: languages become ISO 639-1 codes", "[corpus]") {
    CHECK(corpus::normalize_language("English") == "en");
    CHECK(corpus::normalize_language(" ukrainian") == "uk");
    CHECK(corpus::normalize_language("en-GB") == "en");
    CHECK(corpus::normalize_language("ZH_Hant") == "zh");
    CHECK(corpus::normalize_language("Klingon") == "klingon");
    CHECK(corpus::normalize_language("") == "");
}

TEST_CASE("corpus: JSON Lines common field names, authors arrays, source objects, id fallbacks",
          "[corpus]") {
    Read r = json_lines(
        R"({"_id": 42, "headline": "Hed", "maintext": " Text ", "published": "2025-11-20",)"
        R"( "link": "https://x/1", "source": {"name": "Kyiv Post"}, "authors": ["A", "B"],)"
        R"( "language": "Ukrainian", "extra": 1})"
        "\n\n   \n"
        R"({"title": "", "name": "Named", "body": "", "text": "T2", "url": "https://x/2"})"
        "\r\n"
        R"({"description": "only a description", "source_domain": "x.org"})");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.docs.size() == 3);
    CHECK(describe(r.docs[0]) ==
          "id=42 | title=Hed | body=Text | date=2025-11-20 | source=Kyiv Post | url=https://x/1 | "
          "author=A, B | lang=uk | origin=in/feed.jsonl:1");
    CHECK(describe(r.docs[1]) ==
          "id=https://x/2 | title=Named | body=T2 | date= | source= | url=https://x/2 | "
          "author= | lang= | origin=in/feed.jsonl:4");
    CHECK(describe(r.docs[2]) ==
          "id=feed.jsonl#5 | title= | body=only a description | date= | source=x.org | url= | "
          "author= | lang= | origin=in/feed.jsonl:5");
}

TEST_CASE("corpus: a JSON Lines field map overrides the common names", "[corpus]") {
    corpus::CorpusOptions options;
    options.field_map = {{"body", "story"}, {"title", "hed"}, {"id", "slug"}};
    Read r = json_lines(R"({"slug": "s1", "title": "T", "hed": "H", "body": "B", "story": "S"})",
                        options);
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].id == "s1");
    CHECK(r.docs[0].title == "H");
    CHECK(r.docs[0].body == "S");
    options.field_map = {{"boddy", "story"}};
    CHECK_THROWS_AS(read({"unused.jsonl"}, options), byline::UsageError);
}

TEST_CASE("corpus: malformed JSON lines are errors naming file:line, the other lines still read",
          "[corpus]") {
    Read r = json_lines(
        "{\"id\":\"j1\",\"title\":\"First\",\"body\":\"one\"}\n"
        "{\"id\":\"j2\",\"title\":\"Broken\",\"body\":\n"
        "[1, 2]\n"
        "{\"id\":\"j4\",\"headline\":\"\",\"author\":\"X\"}\n"
        "{\"id\":\"j5\",\"title\":\"Fifth\",\"body\":\"five\"}\n");
    CHECK(r.ids() == std::vector<std::string>{"j1", "j5"});
    CHECK(r.diagnostics ==
          std::vector<std::string>{
              "error in/feed.jsonl:2: malformed JSON: column 36: unexpected end of input; "
              "expected '[', '{', or a literal",
              "error in/feed.jsonl:3: malformed JSON: expected an object, found array",
              "error in/feed.jsonl:4: no title or body field; map one with --field body=KEY"});
}

TEST_CASE("corpus: gzipped JSON Lines are inflated; corrupt gzip is an error", "[corpus]") {
    TempDir dir;
    const std::string feed =
        "{\"title\":\"Zipped\",\"body\":\"inside gzip\"}\n{\"title\":\"Two\"}\n";
    write_gzip(dir / "feed.jsonl.gz", feed);
    CHECK(corpus::read_file_bytes(dir / "feed.jsonl.gz") == feed);
    CHECK(corpus::read_file_bytes(dir.write("plain.txt", "not zipped")) == "not zipped");
    dir.write("cut.jsonl.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10));
    Read r = read({dir / "feed.jsonl.gz", dir / "cut.jsonl.gz"});
    CHECK(r.ids() == std::vector<std::string>{"feed.jsonl.gz#1", "feed.jsonl.gz#2"});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].body == "inside gzip");
    CHECK(r.docs[1].origin == (dir / "feed.jsonl.gz") + ":2");
    CHECK(r.diagnostics == std::vector<std::string>{"error " + (dir / "cut.jsonl.gz") +
                                                    ": corrupt gzip data: unexpected end of file"});
}

TEST_CASE("corpus: HTML metadata from meta tags; body without scripts, nav, header, footer",
          "[corpus]") {
    Document d = html(R"(<!DOCTYPE html>
<html lang="en-US"><head>
<title>Ignored | Site</title>
<meta property="og:title" content="  Ceasefire   holds ">
<meta property="og:site_name" content="The Daily">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2025-11-26T08:00:00Z">
<link rel="canonical" href="https://daily.example/ceasefire">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>Site banner</h1></header>
<article>
  <h1>Ceasefire holds</h1>
  <p>The  ceasefire
     held overnight,&nbsp;officials said &amp; added <b>more</b>.</p>
  <div>Second <i>paragraph</i><br>after a break.</div>
  <aside>Read also: something else</aside>
  <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
  <ul><li>One</li><li>Two</li></ul>
  <script>track();</script><noscript>Enable JS</noscript>
  <form><button>Subscribe</button></form>
</article>
<footer>Copyright</footer>
</body></html>)");
    CHECK(describe(d) ==
          "id=page.html | title=Ceasefire holds | body=The ceasefire held overnight,\xC2\xA0"
          "officials said & added more.\nSecond paragraph\nafter a break.\nA caption\nOne\nTwo | "
          "date=2025-11-26T08:00:00Z | source=The Daily | url=https://daily.example/ceasefire | "
          "author=Ann Lee | lang=en | origin=in/page.html");
}

TEST_CASE("corpus: HTML fallbacks: <title>, largest <article>, <time datetime>, <main>, og:url",
          "[corpus]") {
    Document d = html(
        "<html lang=FR><head><title>Le titre</title>"
        "<meta property=og:url content=https://x.fr/1>"
        "<meta property=article:author content=https://facebook.com/someone></head><body>"
        "<article><p>Short.</p></article>"
        "<article><header><time datetime=2025-11-20>20 nov.</time></header>"
        "<p>Le titre</p><p>Longer article text.</p><table><tr><td>a</td><td>b</td></tr></table>"
        "</article></body></html>");
    CHECK(describe(d) ==
          "id=page.html | title=Le titre | body=Longer article text.\na b | date=2025-11-20 | "
          "source= | url=https://x.fr/1 | author= | lang=fr | origin=in/page.html");
    Document main = html(
        "<body><div>Outside</div><main><h1>Main title</h1><p>Main text.</p></main>"
        "<span itemprop=datePublished content=2024-01-02></span></body>");
    CHECK(main.title == "Main title");
    CHECK(main.body == "Main text.");
    CHECK(main.date == "2024-01-02");
    Document bare = html("<p>Just text</p>");
    CHECK(bare.title == "");
    CHECK(bare.body == "Just text");
}

TEST_CASE("corpus: invalid UTF-8 becomes U+FFFD with a warning; a BOM is dropped", "[corpus]") {
    TempDir dir;
    std::string path = dir.write("mixed.txt",
                                 "\xEF\xBB\xBFMixed \xE2\x80\x94 title\n\nBad \xFF byte and "
                                 "cut \xE2\x80 sequence.\n");
    Read r = read({path});
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].title == "Mixed \xE2\x80\x94 title");
    CHECK(r.docs[0].body == "Bad \xEF\xBF\xBD byte and cut \xEF\xBF\xBD sequence.");
    CHECK(r.diagnostics ==
          std::vector<std::string>{"warning " + path +
                                   ": invalid UTF-8: 2 sequence(s) replaced by U+FFFD"});
    std::string clean = "caf\xC3\xA9";
    CHECK(corpus::repair_utf8(clean).replaced == 0);
    CHECK(clean == "caf\xC3\xA9");
}

TEST_CASE("corpus: text without valid UTF-8 multibyte sequences is read as windows-1252",
          "[corpus]") {
    TempDir dir;
    std::string path = dir.write("latin1.txt", "Caf\xE9 news\n\nThe caf\xE9 said \x93hi\x94.\n");
    Read r = read({path});
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].title == "Caf\xC3\xA9 news");
    CHECK(r.docs[0].body == "The caf\xC3\xA9 said \xE2\x80\x9Chi\xE2\x80\x9D.");
    CHECK(r.diagnostics ==
          std::vector<std::string>{"warning " + path + ": not UTF-8: decoded as windows-1252"});
}

TEST_CASE("corpus: binary files are skipped, bad paths are errors, the rest is still read",
          "[corpus]") {
    TempDir dir;
    std::string binary = dir.write("binary.txt", std::string("\x7f"
                                                             "ELF\0\0\0binary",
                                                             13));
    std::string good = dir.write("good.txt", "Good title\n\nGood body.");
    std::string pdf = dir.write("notes.pdf", "%PDF");
    Read r = read({dir / "missing.txt", binary, good + "/inside.txt", pdf, good});
    CHECK(r.ids() == std::vector<std::string>{"good.txt"});
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0] ==
          "error " + (dir / "missing.txt") + ": cannot read: No such file or directory");
    CHECK(r.diagnostics[1] == "skipped " + binary + ": binary file, not indexed");
    CHECK(r.diagnostics[2].starts_with("error " + good + "/inside.txt: cannot read: "));
    CHECK(r.diagnostics[3] == "skipped " + pdf +
                                  ": unsupported file type; supported: .txt, .md, .markdown, "
                                  ".jsonl, .ndjson, .html, .htm, each optionally .gz");
}

TEST_CASE("corpus: a folder walk is sorted, ids are relative, hidden and unsupported files ignored",
          "[corpus]") {
    TempDir dir;
    dir.write("corpus/b.txt", "B\n\nb");
    dir.write("corpus/a/z.md", "# Z\n\nz");
    dir.write("corpus/a/y.HTML", "<title>Y</title><p>y</p>");
    dir.write("corpus/c.jsonl", "{\"title\":\"C\"}\n");
    dir.write("corpus/readme.pdf", "not a corpus file");
    dir.write("corpus/.hidden.txt", "H\n\nh");
    dir.write("corpus/.git/x.txt", "G\n\ng");
    Read r = read({(dir / "corpus") + "/"});
    CHECK(r.ids() == std::vector<std::string>{"a/y.HTML", "a/z.md", "b.txt", "c.jsonl#1"});
    CHECK(r.diagnostics.empty());
    REQUIRE(r.docs.size() == 4);
    CHECK(r.docs[1].title == "Z");
    CHECK(r.docs[1].origin == dir / "corpus/a/z.md");
}

TEST_CASE("corpus: exceptions from the document sink pass through, not as file errors",
          "[corpus]") {
    TempDir dir;
    std::string path = dir.write("a.txt", "A\n\nbody");
    std::vector<std::string> diagnostics;
    CHECK_THROWS_AS(corpus::read_corpus(
                        {path}, {}, [](Document&&) { throw byline::IndexError("disk full"); },
                        [&](const Diagnostic& d) { diagnostics.push_back(describe(d)); }),
                    byline::IndexError);
    CHECK(diagnostics.empty());
}

TEST_CASE(
    "corpus: JSON Lines are streamed: line numbers hold across pieces, a too long line is "
    "an error naming it, the rest is read",
    "[corpus]") {
    TempDir dir;
    // Over 2 MB, so the reader's 1 MB pieces cut lines; line 1500 is longer than the limit.
    std::string feed;
    const std::string filler(700, 'x');
    for (int n = 1; n <= 3000; ++n) {
        std::string body = n == 1500 ? std::string(300000, 'y') : filler;
        feed += "{\"id\":\"a" + std::to_string(n) + "\",\"body\":\"" + body + "\"}\n";
    }
    feed += "{\"id\":\"last\",\"body\":\"no newline at the end\"}";
    dir.write("big.jsonl", feed);
    corpus::CorpusOptions options;
    options.max_article_bytes = 200000;
    Read r = read({dir / "big.jsonl"}, options);
    REQUIRE(r.docs.size() == 3000);
    CHECK(r.docs[0].id == "a1");
    CHECK(r.docs[1498].id == "a1499");
    CHECK(r.docs[1499].id == "a1501");
    CHECK(r.docs[1499].origin == (dir / "big.jsonl") + ":1501");
    CHECK(r.docs[2998].origin == (dir / "big.jsonl") + ":3000");
    CHECK(r.docs.back().id == "last");
    CHECK(r.docs.back().body == "no newline at the end");
    CHECK(r.diagnostics ==
          std::vector<std::string>{"error " + (dir / "big.jsonl") +
                                   ":1500: larger than 200 KB, skipped to stay within the "
                                   "memory bound; raise --memory to index it"});
}

TEST_CASE("corpus: a file larger than the article limit is skipped with an error naming it",
          "[corpus]") {
    TempDir dir;
    dir.write("huge.txt", "Headline\n\n" + std::string(5000, 'z'));
    dir.write("small.txt", "Small\n\nfits");
    write_gzip(dir / "bomb.txt.gz", "Zipped\n\n" + std::string(50000, 'q'));
    corpus::CorpusOptions options;
    options.max_article_bytes = 4000;
    Read r = read({dir / "huge.txt", dir / "small.txt", dir / "bomb.txt.gz"}, options);
    CHECK(r.ids() == std::vector<std::string>{"small.txt"});
    CHECK(r.diagnostics ==
          std::vector<std::string>{
              "error " + (dir / "huge.txt") +
                  ": larger than 4 KB, skipped to stay within the memory bound; raise --memory "
                  "to index it",
              "error " + (dir / "bomb.txt.gz") +
                  ": larger than 4 KB, skipped to stay within the memory bound; raise --memory "
                  "to index it"});
}

TEST_CASE("corpus: streamed JSON Lines repair UTF-8 per line and warn once per file", "[corpus]") {
    TempDir dir;
    dir.write("bad.jsonl",
              "{\"id\":\"u1\",\"body\":\"caf\xC3\xA9 ok\"}\n{\"id\":\"u2\",\"body\":\"bad \xFF "
              "byte\"}\n{\"id\":\"u3\",\"body\":\"two \xFE\xFF\"}\n");
    Read r = read({dir / "bad.jsonl"});
    REQUIRE(r.docs.size() == 3);
    CHECK(r.docs[1].body == "bad \xEF\xBF\xBD byte");
    CHECK(r.diagnostics == std::vector<std::string>{"warning " + (dir / "bad.jsonl") +
                                                    ": invalid UTF-8: 3 sequence(s) replaced by "
                                                    "U+FFFD"});
}
