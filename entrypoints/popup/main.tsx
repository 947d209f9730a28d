import { render } from 'preact';

render(<p>Signpost</p>, document.getElementById('app')!);
