package io.tumbler.report.render;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses an inline SVG fragment as XML (so a test fails on a malformed one) and counts elements by XPath. */
final class SvgXml {
  private final Document doc;

  private SvgXml(Document doc) {
    this.doc = doc;
  }

  /** Parses {@code svg}; throws if it is not well-formed XML. */
  static SvgXml parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    // The figures wrap SVG in a little HTML; <br> is the only void element they use.
    String xml = svg.replace("<br>", "<br/>");
    return new SvgXml(f.newDocumentBuilder().parse(new InputSource(new StringReader("<root>" + xml + "</root>"))));
  }

  int count(String xpath) throws Exception {
    return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
        .getLength();
  }

  String text(String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
  }
}
