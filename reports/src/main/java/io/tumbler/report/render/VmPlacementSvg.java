package io.tumbler.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * VM placement at the end of a vm-workload run: a row per host, its vCPU capacity as a bar, the reservation
 * the host reported shaded inside it, and the VMs last seen on it as blocks sized by their vCPUs and coloured
 * by status. A host whose capacity was never read is drawn as wide as its VMs, with a dashed outline.
 * Drawn as plain SVG: a stacked bar chart with a series per VM (XChart's way) needs a legend entry per VM.
 */
public final class VmPlacementSvg {
  static final int LABEL_WIDTH = 120;
  static final int BAR_WIDTH = 700;
  static final int ROW_HEIGHT = 30;

  private VmPlacementSvg() {}

  /** The diagram, or empty when the history holds no ok get-host or get-vm (not a vm-workload run). */
  public static String render(List<io.tumbler.runformat.HistoryEvent> history) {
    VmPlacement p = VmPlacement.of(history);
    if (p.isEmpty()) {
      return "";
    }
    List<String> hostIds = p.hostIds();
    long widest = 1;
    for (String h : hostIds) {
      widest = Math.max(widest, Math.max(capacity(p, h), placed(p, h)));
    }
    double scale = BAR_WIDTH / (double) widest;
    int height = (hostIds.size() + 1) * ROW_HEIGHT + 10;
    StringBuilder b = new StringBuilder("<svg id=\"vm-placement\" class=\"placement\" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" viewBox=\"0 0 1100 ").append(height).append("\" role=\"img\" aria-label=\"VM placement per host\">\n");
    for (int i = 0; i < hostIds.size(); i++) {
      row(b, p, hostIds.get(i), 6 + i * ROW_HEIGHT, scale);
    }
    unplaced(b, p, 6 + hostIds.size() * ROW_HEIGHT);
    return b.append("</svg>\n").toString();
  }

  private static long capacity(VmPlacement p, String host) {
    VmPlacement.HostSeen h = p.hosts().get(host);
    return h == null ? 0 : h.vcpus();
  }

  private static long placed(VmPlacement p, String host) {
    return p.vms().values().stream().filter(v -> v.host().equals(host)).mapToLong(VmPlacement.VmSeen::vcpus).sum();
  }

  private static void row(StringBuilder b, VmPlacement p, String host, int y, double scale) {
    VmPlacement.HostSeen seen = p.hosts().get(host);
    long cap = seen == null ? placed(p, host) : seen.vcpus();
    b.append("<g class=\"host\" data-host=\"").append(Markup.esc(host)).append("\"><text class=\"host-label\" x=\"")
        .append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 17).append("\">").append(Markup.esc(host))
        .append(seen == null ? "" : " (" + Markup.esc(seen.state()) + ")").append("</text>");
    rect(b, seen == null ? "capacity unknown" : "capacity", LABEL_WIDTH, y, cap * scale, ROW_HEIGHT - 6,
        host + ": " + cap + " vCPUs" + (seen == null ? " (capacity never read; width of its VMs)" : ""));
    if (seen != null) {
      rect(b, "reserved", LABEL_WIDTH, y + ROW_HEIGHT - 10, seen.reservedVcpus() * scale, 4,
          host + " reported " + seen.reservedVcpus() + " vCPUs and " + seen.reservedMemoryMib() + " MiB reserved");
    }
    double x = LABEL_WIDTH;
    for (Map.Entry<String, VmPlacement.VmSeen> e : p.vms().entrySet()) {
      VmPlacement.VmSeen vm = e.getValue();
      if (vm.host().equals(host)) {
        double w = vm.vcpus() * scale;
        rect(b, "vm " + Markup.esc(vm.status()), x + 1, y + 2, Math.max(w - 2, 1), ROW_HEIGHT - 14,
            e.getKey() + " " + vm.status() + ", " + vm.vcpus() + " vCPUs, " + vm.memoryMib() + " MiB");
        if (w > 22) {
          b.append("<text class=\"vm-label\" x=\"").append(Markup.num(x + w / 2)).append("\" y=\"").append(y + 13)
              .append("\">").append(Markup.esc(e.getKey())).append("</text>");
        }
        x += w;
      }
    }
    b.append("<text class=\"usage\" x=\"").append(LABEL_WIDTH + BAR_WIDTH + 12).append("\" y=\"").append(y + 17)
        .append("\">").append(usage(seen, placed(p, host))).append("</text></g>\n");
  }

  private static String usage(VmPlacement.HostSeen seen, long placedVcpus) {
    return seen == null ? "VMs here: " + placedVcpus + " vCPU" : "reserved " + seen.reservedVcpus() + "/"
        + seen.vcpus() + " vCPU · " + seen.reservedMemoryMib() + "/" + seen.memoryMib() + " MiB";
  }

  private static void unplaced(StringBuilder b, VmPlacement p, int y) {
    StringBuilder ids = new StringBuilder();
    p.vms().forEach((id, vm) -> ids.append(vm.host().isEmpty() ? (ids.length() == 0 ? "" : ", ") + id : ""));
    b.append("<text class=\"unplaced\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 17).append("\">")
        .append(ids.length() == 0 ? "no VM was seen unplaced" : "unplaced (failed): " + Markup.esc(ids.toString()))
        .append(" · ").append(p.vms().size()).append(" VMs and ").append(p.hosts().size())
        .append(" hosts observed</text>\n");
  }

  private static void rect(StringBuilder b, String cls, double x, double y, double w, double h, String title) {
    b.append("<rect class=\"").append(cls).append("\" x=\"").append(Markup.num(x)).append("\" y=\"")
        .append(Markup.num(y)).append("\" width=\"").append(Markup.num(Math.max(w, 0))).append("\" height=\"")
        .append(Markup.num(h)).append("\"><title>").append(Markup.esc(title)).append("</title></rect>");
  }
}
