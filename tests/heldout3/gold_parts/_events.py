# Events, agreements and conflicts of heldout3.
# EVENTS rows: (id, types, dates, place, actors, documents, optional, planned)
EN1, EN2 = "en_01_cp_carney_sheinbaum.txt", "en_02_ledger_tokayev_seoul.txt"
ES1, ES2 = "es_01_heraldo_sheinbaum_carney.txt", "es_02_porteno_cuerpo_milei.txt"
FR1, FR2 = "fr_01_filquebec_carney_mexique.txt", "fr_02_aps_tebboune_rome.txt"
IT1, IT2 = "it_01_ansa_meloni_tebboune.txt", "it_02_blog_brasile_cina.txt"
PT1, PT2 = "pt_01_agencia_alckmin_cosban.txt", "pt_02_lusa_rangel_luanda.txt"
DE1, DE2 = "de_01_dpa_wadephul_indien.txt", "de_02_blog_kasachstan_china.txt"
RU1, RU2 = "ru_01_vestnik_aliyev_ankara.txt", "ru_02_kursiv_kazakhstan_kitai.txt"
TR1, TR2 = "tr_01_aa_erdogan_aliyev.txt", "tr_02_trtavaz_tokayev_seul.txt"
KK1, KK2 = "kk_01_kazinform_sklyar_ding.txt", "kk_02_akorda_tokayev_seul.txt"
V, M, A, F, S, O = "visit", "meeting", "agreement", "forum", "statement", "other"

EVENTS = [
 # Canada - Mexico (en/es/fr)
 ("carney-official-visit-mexico-2025", [V, M], ["2025-09-17", "2025-09-18"], "Mexico City", ["Mark Carney", "Claudia Sheinbaum"], [EN1, ES1, FR1], False, False),
 ("ca-mx-action-plan-signing-2025", [A], ["2025-09-18"], "Mexico City", ["Mark Carney", "Claudia Sheinbaum"], [EN1, ES1, FR1], False, False),
 ("anand-de-la-fuente-talks-2025", [M], ["2025-09-18"], "Mexico City", ["Anita Anand", "Juan Ramón de la Fuente"], [EN1, ES1], False, False),
 ("carney-business-roundtable-mexico-2025", [F, M], ["2025-09-18"], "Mexico City", ["Mark Carney"], [EN1, FR1], False, False),
 ("carney-sheinbaum-phone-call-2025-08", [M, O], ["2025-08-12"], None, ["Mark Carney", "Claudia Sheinbaum"], [EN1], False, False),
 ("sheinbaum-visit-canada-2026", [V], ["2026"], "Canada", ["Claudia Sheinbaum"], [EN1, ES1, FR1], False, True),
 ("cusma-joint-review-2026", [M, O], ["2026-07"], None, [], [EN1, ES1, FR1], True, True),
 # Italy - Algeria (it/fr)
 ("it-dz-5th-intergovernmental-summit-rome-2025", [M, V], ["2025-07-23"], "Rome", ["Giorgia Meloni", "Abdelmadjid Tebboune"], [IT1, FR2], False, False),
 ("it-dz-agreements-signing-2025", [A], ["2025-07-23"], "Rome", ["Giorgia Meloni", "Abdelmadjid Tebboune"], [IT1, FR2], False, False),
 ("italy-algeria-business-forum-2025", [F, M], ["2025-07-23"], "Rome", ["Antonio Tajani"], [IT1, FR2], False, False),
 ("it-dz-6th-summit-algiers-2026", [M, V], ["2026"], "Algiers", ["Giorgia Meloni", "Abdelmadjid Tebboune"], [IT1, FR2], False, True),
 ("meloni-visit-algiers-2023", [V], ["2023-01"], "Algiers", ["Giorgia Meloni"], [FR2], True, False),
 # Turkey - Azerbaijan (tr/ru)
 ("aliyev-official-visit-ankara-2025", [V, M], ["2025-05-20"], "Ankara", ["Ilham Aliyev", "Recep Tayyip Erdoğan"], [TR1, RU1], False, False),
 ("tr-az-agreements-signing-2025", [A], ["2025-05-20"], "Ankara", ["Ilham Aliyev", "Recep Tayyip Erdoğan"], [TR1, RU1], False, False),
 ("erdogan-visit-baku-autumn-2025", [V], ["2025"], "Baku", ["Recep Tayyip Erdoğan"], [TR1, RU1], False, True),
 ("aliyev-kurtulmus-meeting-2025", [M], ["2025-05-20"], "Ankara", ["Ilham Aliyev", "Numan Kurtulmuş"], [RU1], True, False),
 ("az-tr-intergovernmental-commission-baku-2025", [M], ["2025"], "Baku", [], [RU1], True, True),
 ("shusha-declaration-signing-2021", [A], ["2021-06-15"], None, ["Ilham Aliyev", "Recep Tayyip Erdoğan"], [RU1], True, False),
 # Kazakhstan - China (kk/ru/de)
 ("kz-cn-cooperation-committee-12th-meeting-2025", [M], ["2025-11-06"], "Astana", ["Roman Sklyar", "Ding Xuexiang"], [KK1, RU2, DE2], False, False),
 ("tokayev-receives-ding-xuexiang-2025", [M, V], ["2025-11-05"], "Akorda", ["Kassym-Jomart Tokayev", "Ding Xuexiang"], [KK1, RU2, DE2], False, False),
 ("kz-cn-documents-signing-2025", [A], ["2025-11-06"], "Astana", ["Roman Sklyar", "Ding Xuexiang"], [KK1, RU2, DE2], False, False),
 ("kz-cn-committee-next-meeting-beijing-2026", [M], ["2026"], "Beijing", ["Roman Sklyar", "Ding Xuexiang"], [KK1, RU2, DE2], True, True),
 ("xi-state-visit-kazakhstan-2026", [V], ["2026"], "Astana", ["Xi Jinping"], [DE2], True, True),
 # South Korea - Kazakhstan (en/kk/tr)
 ("tokayev-state-visit-korea-2025", [V, M], ["2025-10-13", "2025-10-14", "2025-10-15"], "Seoul", ["Kassym-Jomart Tokayev", "Lee Jae-myung"], [EN2, KK2, TR2], False, False),
 ("kr-kz-documents-signing-2025", [A], ["2025-10-14"], "Seoul", ["Kassym-Jomart Tokayev", "Lee Jae-myung"], [EN2, KK2, TR2], False, False),
 ("kz-kr-business-forum-seoul-2025", [F, M], ["2025-10-15"], "Seoul", ["Kassym-Jomart Tokayev"], [EN2, KK2, TR2], False, False),
 ("lee-visit-kazakhstan-2026", [V], ["2026"], "Kazakhstan", ["Lee Jae-myung"], [EN2, KK2, TR2], False, True),
 ("tokayev-korean-diaspora-meeting-seoul-2025", [M], ["2025-10"], "Seoul", ["Kassym-Jomart Tokayev"], [KK2], True, False),
 ("tokayev-receives-korean-executives-2025", [M], ["2025-10-15"], "Seoul", ["Kassym-Jomart Tokayev"], [TR2], True, False),
 # Brazil - China (pt/it)
 ("cosban-8th-session-beijing-2025", [M], ["2025-06-10"], "Beijing", ["Geraldo Alckmin", "Han Zheng"], [PT1, IT2], False, False),
 ("br-cn-documents-signing-2025", [A], ["2025-06-10"], "Beijing", ["Geraldo Alckmin", "Han Zheng"], [PT1, IT2], False, False),
 ("alckmin-li-qiang-meeting-2025", [M], ["2025-06-11"], "Beijing", ["Geraldo Alckmin", "Li Qiang"], [PT1, IT2], False, False),
 ("br-cn-business-seminar-beijing-2025", [F, M], ["2025-06-11"], "Beijing", ["Geraldo Alckmin"], [PT1], False, True),
 ("lula-china-celac-forum-beijing-2025", [V, F, M], ["2025-05"], "Beijing", ["Luiz Inácio Lula da Silva"], [PT1, IT2], True, False),
 ("brics-summit-india-2026", [M, F], ["2026"], "India", [], [IT2], True, True),
 # Germany - India (de)
 ("wadephul-visit-india-2025", [V, M], ["2025-09-02", "2025-09-03"], "New Delhi", ["Johann Wadephul", "S. Jaishankar"], [DE1], False, False),
 ("de-in-green-hydrogen-declaration-signing-2025", [A], ["2025-09-03"], "New Delhi", ["Johann Wadephul", "S. Jaishankar"], [DE1], False, False),
 ("merz-modi-phone-call-2025-07", [M, O], ["2025-07"], None, ["Friedrich Merz", "Narendra Modi"], [DE1], False, False),
 ("de-in-government-consultations-berlin-2026", [M], ["2026"], "Berlin", [], [DE1], True, True),
 ("wadephul-visit-sri-lanka-2025", [V], ["2025-09-04"], "Sri Lanka", ["Johann Wadephul"], [DE1], True, True),
 # Spain - Argentina (es)
 ("cuerpo-visit-buenos-aires-2025", [V, M], ["2025-11-13"], "Buenos Aires", ["Carlos Cuerpo", "Luis Caputo", "Javier Milei"], [ES2], False, False),
 ("es-ar-business-forum-buenos-aires-2025", [F, M], ["2025-11-13"], "Buenos Aires", ["Carlos Cuerpo"], [ES2], False, False),
 ("es-ar-mou-signing-2025", [A], ["2025-11-13"], "Buenos Aires", ["Carlos Cuerpo", "Luis Caputo"], [ES2], False, False),
 ("milei-visit-madrid-2026", [V], ["2026"], "Madrid", ["Javier Milei"], [ES2], False, True),
 # Portugal - Angola (pt)
 ("rangel-official-visit-angola-2025", [V, M], ["2025-10-26", "2025-10-27"], "Luanda", ["Paulo Rangel", "Téte António", "João Lourenço"], [PT2], False, False),
 ("pt-ao-documents-signing-2025", [A], ["2025-10-27"], "Luanda", ["Paulo Rangel", "Téte António"], [PT2], False, False),
 ("marcelo-visit-luanda-independence-50-2025", [V], ["2025-11-11"], "Luanda", ["Marcelo Rebelo de Sousa"], [PT2], False, True),
 ("pt-ao-business-forum-lisbon-2025", [F, M], ["2025-10-30"], "Lisbon", [], [PT2], True, True),
]

# (anchor, document, date, same_as)
AGREEMENTS = [
 ("Canada-Mexico Action Plan 2025-2028", EN1, "2025-09-18", "ca-mx-action-plan-2025-2028"),
 ("Plan de Acción México-Canadá 2025-2028", ES1, "2025-09-18", "ca-mx-action-plan-2025-2028"),
 ("Plan d'action Canada-Mexique 2025-2028", FR1, "2025-09-18", "ca-mx-action-plan-2025-2028"),
 ("memorandum d'intesa sulla cooperazione nel settore delle energie rinnovabili e dell'idrogeno", IT1, "2025-07-23", "it-dz-renewables-hydrogen-mou"),
 ("mémorandum d'entente dans le domaine des énergies renouvelables et de l'hydrogène vert", FR2, "2025-07-23", "it-dz-renewables-hydrogen-mou"),
 ("accordo sulla protezione civile", IT1, "2025-07-23", "it-dz-civil-protection-agreement"),
 ("accord de coopération en matière de protection civile", FR2, "2025-07-23", "it-dz-civil-protection-agreement"),
 ("dichiarazione congiunta sulla lotta all'immigrazione irregolare", IT1, "2025-07-23", "it-dz-migration-joint-declaration"),
 ("déclaration conjointe sur la migration", FR2, "2025-07-23", "it-dz-migration-joint-declaration"),
 ("contratto da 1,3 miliardi di dollari per lo sviluppo di nuovi giacimenti", IT1, "2025-07-23", "eni-sonatrach-berkine-contract"),
 ("signé un contrat d'un montant de 1,3 milliard de dollars", FR2, "2025-07-23", "eni-sonatrach-berkine-contract"),
 ("Tercihli Ticaret Anlaşması'nın kapsamını genişleten Ek Protokol", TR1, "2025-05-20", "tr-az-pta-additional-protocol"),
 ("Дополнительный протокол к Соглашению о преференциальной торговле", RU1, "2025-05-20", "tr-az-pta-additional-protocol"),
 ("Iğdır-Nahçıvan Doğal Gaz Boru Hattı üzerinden gaz tedarikine ilişkin mutabakat zaptı", TR1, "2025-05-20", "tr-az-igdir-nakhchivan-gas-mou"),
 ("меморандум о поставках газа по газопроводу Игдыр – Нахчыван", RU1, "2025-05-20", "tr-az-igdir-nakhchivan-gas-mou"),
 ("Şuşa Beyannamesi'nin uygulanmasına yönelik Ortak Eylem Planı", TR1, "2025-05-20", "tr-az-shusha-declaration-action-plan"),
 ("Совместный план действий по реализации Шушинской декларации", RU1, "2025-05-20", "tr-az-shusha-declaration-action-plan"),
 ("Шушинская декларация", RU1, "2021-06-15", "shusha-declaration"),
 ("2025–2030 жылдарға арналған инвестициялық ынтымақтастық бағдарламасына", KK1, "2025-11-06", "kz-cn-investment-cooperation-programme-2025-2030"),
 ("Программу инвестиционного сотрудничества на 2025–2030 годы", RU2, "2025-11-06", "kz-cn-investment-cooperation-programme-2025-2030"),
 ("Investitionskooperationsprogramm 2025–2030", DE2, "2025-11-06", "kz-cn-investment-cooperation-programme-2025-2030"),
 ("Бақты – Тачэн теміржол өткелін салу туралы келісімге", KK1, "2025-11-06", "kz-cn-bakhty-tacheng-railway-agreement"),
 ("соглашение о строительстве железнодорожного погранперехода Бахты – Тачэн", RU2, "2025-11-06", "kz-cn-bakhty-tacheng-railway-agreement"),
 ("Abkommen über den Bau des Bahngrenzübergangs Bachty–Tacheng", DE2, "2025-11-06", "kz-cn-bakhty-tacheng-railway-agreement"),
 ("joint statement on an enhanced strategic partnership", EN2, "2025-10-14", "kr-kz-enhanced-strategic-partnership-statement"),
 ("Стратегиялық әріптестікті кеңейту туралы бірлескен мәлімдемеге", KK2, "2025-10-14", "kr-kz-enhanced-strategic-partnership-statement"),
 ("Stratejik Ortaklığın Genişletilmesine İlişkin Ortak Bildiri", TR2, "2025-10-14", "kr-kz-enhanced-strategic-partnership-statement"),
 ("memorandum of understanding on a critical minerals supply chain partnership", EN2, "2025-10-14", "kr-kz-critical-minerals-mou"),
 ("сыни маңызды минералдар саласындағы ынтымақтастық туралы өзара түсіністік меморандумына", KK2, "2025-10-14", "kr-kz-critical-minerals-mou"),
 ("kritik mineraller tedarik zinciri konusunda bir mutabakat zaptını", TR2, "2025-10-14", "kr-kz-critical-minerals-mou"),
 ("protocolo fitossanitário para a exportação de sorgo", PT1, "2025-06-10", "br-cn-sorghum-phytosanitary-protocol"),
 ("protocollo fitosanitario per l'export di sorgo", IT2, "2025-06-10", "br-cn-sorghum-phytosanitary-protocol"),
 ("plano de ação para cooperação em inteligência artificial 2025-2027", PT1, "2025-06-10", "br-cn-ai-action-plan-2025-2027"),
 ("piano d'azione sull'intelligenza artificiale 2025-2027", IT2, "2025-06-10", "br-cn-ai-action-plan-2025-2027"),
 ("gemeinsame Absichtserklärung über die Zusammenarbeit bei grünem Wasserstoff", DE1, "2025-09-03", "de-in-green-hydrogen-declaration"),
 ("memorando de entendimiento para la cooperación en materia de estadísticas y finanzas públicas", ES2, "2025-11-13", "es-ar-statistics-public-finance-mou"),
 ("protocolo que altera a Convenção para Eliminar a Dupla Tributação", PT2, "2025-10-27", "pt-ao-double-taxation-protocol"),
 ("memorando de entendimento sobre cooperação no domínio da formação diplomática", PT2, "2025-10-27", "pt-ao-diplomatic-training-mou"),
 ("programa de cooperação cultural para 2026-2028", PT2, "2025-10-27", "pt-ao-cultural-programme-2026-2028"),
]

# (metric, period, values, note)
CONFLICTS = [
 ("trade_turnover", "2024", [40000000000, 32500000000], "Canada-Mexico trade in 2024: Carney 'more than US$40 bn' (en_01, fr_01) vs Sheinbaum 'about 32.5 bn USD' (es_01)"),
 ("trade_turnover", "2024", [13000000000, 11800000000], "Italy-Algeria trade in 2024: Meloni 'over 13 bn EUR' (it_01) vs Attaf 'about 11.8 bn EUR' (fr_02)"),
 ("trade_turnover", "2024", [7600000000, 6300000000], "Turkey-Azerbaijan trade in 2024: Erdogan 7.6 bn USD (tr_01) vs Aliyev 'about 6.3 bn USD' (ru_01)"),
 ("trade_turnover", "2024", [35400000000, 43800000000], "Kazakhstan-China trade in 2024: Kazakh statistics 35.4 bn (kk_01, ru_02, de_02) vs Chinese customs 43.8 bn USD (ru_02, de_02)"),
 ("trade_turnover", "2024", [6400000000, 5100000000], "South Korea-Kazakhstan trade in 2024: Lee 6.4 bn USD (en_02) vs Tokayev 5.1 bn USD (kk_02, tr_02)"),
 ("trade_turnover", "2024", [158000000000, 188000000000], "Brazil-China trade in 2024: MDIC 158 bn USD (pt_01, it_02) vs Chinese customs 188 bn USD (it_02)"),
 ("trade_turnover", "2024", [31200000000, 34000000000], "Germany-India trade in 2024: Destatis 31.2 bn EUR vs Jaishankar 'more than 34 bn EUR' (both de_01)"),
 ("companies", None, [700, 900], "Korean companies in Kazakhstan: Lee 'some 700' (en_02) vs Tokayev / Zhumangarin 'more than 900' (kk_02, tr_02)"),
 ("joint_projects", None, [90, 70], "Kazakhstan-China joint investment projects: Sklyar 'more than 90' (kk_01) vs 'about 70' by Chinese figures (de_02)"),
]
