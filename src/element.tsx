import { definePacketJourney } from './app/PacketJourneyElement';
import appCss from './app/app.css?inline';
import embedCss from './components/embed/embed.css?inline';

// packet-journey.js: `<script type="module" src="…/packet-journey.js">` defines <packet-journey>
// (docs/embed-api.md). Its own entry: the page loads the player's JavaScript only.
definePacketJourney([appCss, embedCss]);
