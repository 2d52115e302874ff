// Meedenken's service worker. Each part lives in its own file under /js/ and is loaded here.
importScripts('/js/push-sw.js');
