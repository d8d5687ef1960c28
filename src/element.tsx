import { definePacketJourney } from './app/PacketJourneyElement';
import playerCss from './app/player.css?url';
import embedCss from './components/embed/embed.css?url';

// packet-journey.js: `<script type="module" src="…/packet-journey.js">` defines <packet-journey>
// (docs/embed-api.md). Its own entry: the page loads the player's JavaScript only, and its shadow root
// links the player's stylesheet (player.css, the file embed.html links too), not the app's chrome (app.css).
definePacketJourney([playerCss, embedCss]);
