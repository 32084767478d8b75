import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createClient, serverHasReading } from './app/apollo';
import { CapabilitiesContext } from './app/capabilities';
import './styles.css';

async function start(): Promise<void> {
  const reading = await serverHasReading();
  const client = createClient(reading);
  createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CapabilitiesContext.Provider value={{ reading }}>
      <ApolloProvider client={client}>
        <App />
      </ApolloProvider>
    </CapabilitiesContext.Provider>
  </StrictMode>,
  );
}

void start();
