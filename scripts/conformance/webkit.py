# Load one URL in WebKitGTK (the engine behind Safari's CORS code) until the page closes itself or 30 min pass.
# As ../shared/conformance/webkit.py, and the page's console messages go to stdout ("CONSOLE ..." lines),
# where harness.mjs reads them.
import sys, gi
gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')
from gi.repository import Gtk, WebKit2, GLib
win = Gtk.Window(); view = WebKit2.WebView()
ctx = view.get_context(); ctx.set_cache_model(WebKit2.CacheModel.DOCUMENT_VIEWER)
view.get_settings().set_property('enable-write-console-messages-to-stdout', True)
view.connect('web-process-terminated', lambda *a: Gtk.main_quit())
win.add(view); win.show_all(); view.load_uri(sys.argv[1])
GLib.timeout_add_seconds(1800, Gtk.main_quit)
Gtk.main()
