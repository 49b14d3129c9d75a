package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JUnit XML is valid against the JUnit schema CI tabs read, with a test case per seed carrying the replay line. */
class JunitXmlTest {
  @TempDir Path temp;

  @Test
  void campaignXmlIsSchemaValidWithACasePerSeedAndTheReplayCommandInEachFailure() throws Exception {
    Path parent = Fixtures.campaign(temp);
    Path out = temp.resolve("campaign.junit.xml");
    Reports.write(List.of(parent.resolve("campaign-a"), parent.resolve("campaign-b")), out, EnumSet.of(ReportFormat.JUNIT));
    String xml = Files.readString(out);
    validate(xml);
    Document doc = parse(xml);
    NodeList cases = doc.getElementsByTagName("testcase");
    assertEquals(5, cases.getLength(), "one test case per distinct seed");
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals(3, failures.getLength(), "two violations and a liveness failure");
    Element first = (Element) failures.item(0);
    assertTrue(first.getTextContent().contains("reproduce: ./tumbler run --scenario stale-local-reads --seed 3"),
        first.getTextContent());
    assertEquals("5", doc.getDocumentElement().getAttribute("tests"));
  }

  @Test
  void runXmlIsSchemaValidWithAFailingCaseForTheBrokenCheck() throws Exception {
    Path out = temp.resolve("run.junit.xml");
    Reports.write(List.of(Fixtures.run("safety-run")), out, EnumSet.of(ReportFormat.JUNIT));
    String xml = Files.readString(out);
    validate(xml);
    Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
    assertEquals("raft-safety", ((Element) failure.getParentNode()).getAttribute("name"));
    assertTrue(failure.getAttribute("message").contains("--bug skip-prev-log-check"));
  }

  private static void validate(String xml) throws Exception {
    var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(JunitXmlTest.class.getResource("/xsd/junit.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
