package org.tieout.core.format.camt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree for one CAMT entry: entries are small, so each is read whole and then
 * queried by local-name paths, which keeps the reader independent of the schema version's
 * namespace.
 */
record XmlNode(
    String name, Map<String, String> attributes, StringBuilder text, List<XmlNode> children) {

  /** Reads the element the reader is positioned on, up to its end tag. */
  static XmlNode read(XMLStreamReader r) throws XMLStreamException {
    Map<String, String> attrs = new java.util.HashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    XmlNode node = new XmlNode(r.getLocalName(), attrs, new StringBuilder(), new ArrayList<>());
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        node.children.add(read(r));
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        node.text.append(r.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        return node;
      }
    }
    return node;
  }

  /** The first descendant at a path of local names, e.g. {@code "BookgDt/Dt"}, or null. */
  XmlNode at(String path) {
    XmlNode current = this;
    for (String part : path.split("/")) {
      XmlNode next = null;
      for (XmlNode c : current.children) {
        if (c.name.equals(part)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
    return current;
  }

  /** Trimmed text at a path, or null when absent or blank. */
  String text(String path) {
    XmlNode n = at(path);
    if (n == null) {
      return null;
    }
    String t = n.text.toString().strip();
    return t.isEmpty() ? null : t;
  }

  String ownText() {
    String t = text.toString().strip();
    return t.isEmpty() ? null : t;
  }

  /** All descendants (any depth) with this local name, in document order. */
  List<XmlNode> all(String localName) {
    List<XmlNode> out = new ArrayList<>();
    collect(localName, out);
    return out;
  }

  private void collect(String localName, List<XmlNode> out) {
    for (XmlNode c : children) {
      if (c.name.equals(localName)) {
        out.add(c);
      }
      c.collect(localName, out);
    }
  }

  List<XmlNode> children(String localName) {
    return children.stream().filter(c -> c.name.equals(localName)).toList();
  }
}
